#!/usr/bin/env python3
"""Adds labelled rows to the classifier's corpus, each into the split its id says (corpus README: the first byte of
the SHA-256 of the id below 64 is held out; below 128 for the German, French and Spanish rows of the first three
rounds). Usage:
    deploy/local/corpus-add.py NEW.csv [NEW.csv ...]
The files have the corpus header; ids must be new. Rows already in the corpus are never moved."""
import csv, hashlib, os, re, sys

CORPUS = os.path.join(os.path.dirname(__file__), '..', '..', 'defection-analyzer', 'src', 'main', 'resources',
                      'classifier', 'corpus')
FIRST_HALF_HELD_OUT = re.compile(r'(de|fr|es)-(b-|c-)?[0-9]+')

def read(path):
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]

def main(paths):
    added = {}
    for path in paths:
        header, rows = read(path)
        for row in rows:
            language = row[1]
            below = 128 if FIRST_HALF_HELD_OUT.fullmatch(row[0]) else 64
            split = 'held-out' if hashlib.sha256(row[0].encode('utf-8')).digest()[0] < below else 'train'
            added.setdefault((split, language), []).append(row)
    for (split, language), rows in sorted(added.items()):
        target = os.path.join(CORPUS, split, language + '.csv')
        header, existing = read(target)
        ids = {r[0] for r in existing}
        clash = [r[0] for r in rows if r[0] in ids]
        if clash:
            sys.exit(f'ids already in the corpus: {clash[:5]}')
        with open(target, 'w', newline='', encoding='utf-8') as f:
            w = csv.writer(f, lineterminator='\n')
            w.writerow(header)
            w.writerows(sorted(existing + rows, key=lambda r: r[0]))
        print(f'{split}/{language}.csv: +{len(rows)} rows, {len(existing) + len(rows)} in all')

if __name__ == '__main__':
    main(sys.argv[1:])

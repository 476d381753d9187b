#!/usr/bin/env python3
"""Keeps, of a Kubernetes OpenAPI v2 document (swagger.json), only the definitions the kinds we deploy
reach, unchanged, so the committed schema stays small and comparable with its source.

  trim-kubernetes-swagger.py SWAGGER_JSON OUT_JSON

The kinds are the Kubernetes ones deploy/k8s renders; a kind added there fails k8s-manifests'
SchemaValidationTest ("no schema for ...") until it is added to KINDS and this is run again.
"""
import json
import sys

KINDS = {
    ("", "v1", "Namespace"), ("", "v1", "ConfigMap"), ("", "v1", "Secret"), ("", "v1", "Service"),
    ("", "v1", "ServiceAccount"), ("apps", "v1", "Deployment"), ("policy", "v1", "PodDisruptionBudget"),
    ("networking.k8s.io", "v1", "NetworkPolicy"), ("networking.k8s.io", "v1", "Ingress"),
    ("autoscaling", "v2", "HorizontalPodAutoscaler"),
}
PREFIX = "#/definitions/"


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(PREFIX):
                yield value[len(PREFIX):]
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def main(source, target):
    with open(source, encoding="utf-8") as f:
        definitions = json.load(f)["definitions"]
    roots = [name for name, d in definitions.items()
             if any((g["group"], g["version"], g["kind"]) in KINDS for g in d.get("x-kubernetes-group-version-kind", []))]
    missing = KINDS - {(g["group"], g["version"], g["kind"]) for n in roots
                       for g in definitions[n]["x-kubernetes-group-version-kind"]}
    if missing:
        sys.exit(f"not in {source}: {sorted(missing)}")
    keep, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo.extend(refs(definitions[name]))
    with open(target, "w", encoding="utf-8") as f:
        json.dump({"definitions": {n: definitions[n] for n in sorted(keep)}}, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(keep)} of {len(definitions)} definitions kept")


if __name__ == "__main__":
    main(*sys.argv[1:])

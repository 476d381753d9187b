#!/usr/bin/env node
// Validates an AsyncAPI document with the official parser (@asyncapi/parser): the document is read
// from its file, so its relative $refs (the event schemas, contracts/src/main/resources/schemas/)
// resolve against the file's folder; every diagnostic is printed; any error fails.
//   node validate-asyncapi.cjs path/to/asyncapi.yaml
// Exit status: 0 valid, 1 errors found, 2 the check itself could not run.
//
// The parser checks the document against the AsyncAPI specification and resolves every reference,
// but it has no parser for payloads in JSON Schema draft 2020-12 (our schemaFormat) and passes them
// through unchecked; each resolved payload schema is therefore also checked against the 2020-12
// meta-schema with ajv.
'use strict';

const path = require('node:path');
const fs = require('node:fs');
const { Parser, fromFile, DiagnosticSeverity } = require('@asyncapi/parser');
const Ajv2020 = require('ajv/dist/2020').default;

const DRAFT_2020_12 = 'application/schema+json;version=draft-2020-12';

function where(diagnostic, file) {
  const source = diagnostic.source ? path.relative(process.cwd(), diagnostic.source) : file;
  const line = diagnostic.range ? `:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}` : '';
  return `${source}${line}`;
}

async function main() {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) {
    console.error(`usage: validate-asyncapi.cjs ASYNCAPI_FILE (no such file: ${file || '(none)'})`);
    return 2;
  }
  const shown = path.relative(process.cwd(), file) || file;
  const { document, diagnostics } = await fromFile(new Parser(), path.resolve(file)).parse();

  const counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) {
    const severity = (DiagnosticSeverity[d.severity] || 'error').toLowerCase();
    counts[severity] = (counts[severity] || 0) + 1;
    const at = d.path && d.path.length ? ` at ${d.path.join('.')}` : '';
    console.log(`  ${severity.padEnd(11)} ${d.code}${at}: ${d.message} (${where(d, shown)})`);
  }

  let payloads = 0;
  if (document) {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const message of document.allMessages()) {
      const payload = message.payload();
      const multiFormat = payload ? payload.json() : undefined;
      if (!multiFormat || multiFormat.schemaFormat !== DRAFT_2020_12) {
        continue;
      }
      payloads++;
      const schema = multiFormat.schema;
      if (!schema || typeof schema !== 'object' || '$ref' in schema && Object.keys(schema).length === 1) {
        counts.error++;
        console.log(`  error       payload-schema at message ${message.id()}: its payload schema did not resolve (${shown})`);
      } else if (!ajv.validateSchema(schema)) {
        for (const e of ajv.errors) {
          counts.error++;
          console.log(`  error       payload-schema at message ${message.id()}, schema${e.instancePath || ' root'}: ${e.message} (${shown})`);
        }
      }
    }
    console.log(`${shown}: AsyncAPI ${document.version()}, ${document.channels().length} channels, `
      + `${document.operations().length} operations, ${document.allMessages().length} messages, `
      + `${payloads} payload schemas (JSON Schema 2020-12) resolved and checked`);
  } else if (counts.error === 0) {
    counts.error++;
    console.log(`  error       the parser returned no document (${shown})`);
  }
  console.log(`${shown}: ${counts.error} error(s), ${counts.warning} warning(s), `
    + `${counts.information} information, ${counts.hint} hint(s)`);
  return counts.error > 0 ? 1 : 0;
}

main().then((status) => {
  process.exitCode = status;
}, (e) => {
  console.error(`validate-asyncapi: ${e && e.stack ? e.stack : e}`);
  process.exitCode = 2;
});

#!/usr/bin/env node
// Generates TypeScript types for each slurmrestd OpenAPI document kept under
// orchestrator/src/backends/slurm/openapi/ and writes them to ../generated/v00XX.ts.
//
// The documents are what slurmrestd serves at GET /openapi/v3 for one plugin version;
// the client and the adapters are typed from these files, so regenerate them (and
// commit the result) whenever a document is added or replaced:
//   node scripts/gen-slurm-types.mjs
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const slurmDir = join(root, 'orchestrator', 'src', 'backends', 'slurm');
const openapiDir = join(slurmDir, 'openapi');
const generatedDir = join(slurmDir, 'generated');

function header(source) {
  return [
    '// GENERATED FILE: do not edit by hand.',
    `// Produced by scripts/gen-slurm-types.mjs from openapi/${source} (openapi-typescript).`,
    '// Regenerate with: node scripts/gen-slurm-types.mjs',
    '/* eslint-disable */',
    '',
    '',
  ].join('\n');
}

async function generate(file) {
  const document = JSON.parse(await readFile(join(openapiDir, file), 'utf8'));
  // A schema default says what slurmrestd assumes when a field is left out, so such
  // fields stay optional (defaultNonNullable: false); the v0.0.38 `environment` is an
  // object without declared properties, which must accept any key (emptyObjectsUnknown).
  const ast = await openapiTS(document, { defaultNonNullable: false, emptyObjectsUnknown: true });
  const out = join(generatedDir, `${basename(file, '.json')}.ts`);
  await writeFile(out, header(file) + astToString(ast));
  return out;
}

const files = (await readdir(openapiDir)).filter((f) => /^v\d{4}\.json$/.test(f)).sort();
for (const file of files) {
  const out = await generate(file);
  console.log(`wrote ${out.slice(root.length + 1)}`);
}

// Validators built from the OpenAPI documents slurmrestd serves, for the contract tests:
// request bodies against a version's request schema, fixtures against its response
// schemas. ajv reads the documents whole, so `$ref`s into components resolve in place.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { SlurmApiVersion } from '../../src/backends/slurm/model.js';

const openapiDir = new URL('../../../src/backends/slurm/openapi/', import.meta.url);
export const fixturesDir = new URL('../../../test/slurm/fixtures/', import.meta.url);

export function fileTag(version: SlurmApiVersion): string {
  return version.replaceAll('.', '');
}

type Json = Record<string, unknown>;

function loadDocument(version: SlurmApiVersion): Json {
  const file = new URL(`${fileTag(version)}.json`, openapiDir);
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

/**
 * Request-side schemas are made closed (`additionalProperties: false` on every object
 * with declared properties): slurmrestd's documents leave them open, so a misspelled
 * field would otherwise pass, and slurmrestd would ignore or reject it at run time.
 */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(closeObjects);
  if (node === null || typeof node !== 'object') return;
  const obj = node as Json;
  if (obj.properties !== undefined && obj.additionalProperties === undefined) {
    obj.additionalProperties = false;
  }
  Object.values(obj).forEach(closeObjects);
}

function makeAjv(): Ajv {
  // strict: false lets OpenAPI's own keywords (example, deprecated, discriminator) pass;
  // the documents are not JSON Schemas themselves, so they are not checked as such.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  const int = (min: number, max: number) => ({
    type: 'number' as const,
    validate: (n: number) => Number.isInteger(n) && n >= min && n <= max,
  });
  ajv.addFormat('int32', int(-(2 ** 31), 2 ** 31 - 1));
  ajv.addFormat('int64', int(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
  ajv.addFormat('double', { type: 'number', validate: Number.isFinite });
  return ajv;
}

export interface VersionSchemas {
  document: Json;
  /** Validates a submit body against the request schema of `POST .../job/submit`. */
  request: ValidateFunction;
  /** A validator for a component schema by its short name (`job_info`, `pings`). */
  response(component: string): ValidateFunction;
  /** The component a path's 200 answer refers to. */
  responseOf(path: string, method: 'get' | 'post' | 'delete'): ValidateFunction;
}

function refName(schema: unknown): string {
  const ref = (schema as { $ref?: string }).$ref;
  if (ref === undefined) throw new Error(`schema has no $ref: ${JSON.stringify(schema)}`);
  return ref.split('/').pop() as string;
}

const cache = new Map<SlurmApiVersion, VersionSchemas>();

/** Compiling a document takes a few hundred milliseconds, so each is compiled once. */
export function loadSchemas(version: SlurmApiVersion): VersionSchemas {
  let schemas = cache.get(version);
  if (schemas === undefined) {
    schemas = compileSchemas(version);
    cache.set(version, schemas);
  }
  return schemas;
}

function compileSchemas(version: SlurmApiVersion): VersionSchemas {
  const document = loadDocument(version);
  const closed = structuredClone(document);
  closeObjects(closed);
  const ajv = makeAjv();
  ajv.addSchema(document, 'open');
  ajv.addSchema(closed, 'closed');
  const paths = document.paths as Record<string, Record<string, Json>>;
  const slash = version === 'v0.0.38' ? '' : '/';
  const submitOp = paths[`/slurm/${version}/job/submit`]?.post as Json;
  const content = (submitOp.requestBody as Json).content as Record<string, Json>;
  const requestRef = refName(content['application/json']?.schema);
  const get = (id: string, name: string) => {
    const fn = ajv.getSchema(`${id}#/components/schemas/${name}`);
    if (fn === undefined) throw new Error(`${version} has no schema ${name}`);
    return fn;
  };
  return {
    document,
    request: get('closed', requestRef),
    response: (component) => get('open', `${version}_${component}`),
    responseOf(path, method) {
      const bare = `/slurm/${version}/${path}`;
      const full = paths[bare] === undefined ? bare + slash : bare;
      const op = paths[full]?.[method] as Json | undefined;
      if (op === undefined) throw new Error(`${version} has no ${method} ${full}`);
      const ok = (op.responses as Record<string, Json>)['200'] as Json;
      const json = (ok.content as Record<string, Json>)['application/json'];
      return get('open', refName(json?.schema));
    },
  };
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

export function readFixture(version: SlurmApiVersion, name: string): unknown {
  const file = new URL(`${fileTag(version)}/${name}.json`, fixturesDir);
  return JSON.parse(readFileSync(file, 'utf8'));
}

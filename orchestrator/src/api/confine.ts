// A job spec that arrives over the network names paths on the server. Each user
// works inside their own folder (where their uploads land): input, output and secret
// files must resolve inside it, and no spec may read the daemon's environment.
// Without this, any operator could read or overwrite whatever the daemon can.
import { isAbsolute, relative, resolve } from 'node:path';
import { OffloadError, show } from '../errors.js';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function confinePath(
  value: unknown,
  field: string,
  userDir: string,
  roots: readonly string[],
): unknown {
  if (typeof value !== 'string' || value === '') return value; // the engine reports it
  const path = resolve(userDir, value);
  if (!roots.some((root) => inside(root, path))) {
    throw new OffloadError(
      'PERMISSION_DENIED',
      `${field}: ${show(value)} is outside your folder on the server; ` +
        (field.startsWith('output')
          ? 'name a path inside it, such as a plain file name'
          : 'upload the file and use the path the upload returned'),
      { field },
    );
  }
  return path;
}

/**
 * Returns a copy of `raw` whose paths are absolute and inside the user's folder (or,
 * for inputs, inside `inputRoots`); throws PERMISSION_DENIED naming the field.
 */
export function confineSpec(raw: unknown, userDir: string, inputRoots: readonly string[] = []) {
  if (!isObject(raw)) return raw;
  const spec: Record<string, unknown> = { ...raw };
  const own = [userDir];
  if (isObject(spec.input)) {
    const roots = [userDir, ...inputRoots];
    spec.input = {
      ...spec.input,
      path: confinePath(spec.input.path, 'input.path', userDir, roots),
    };
  }
  if (isObject(spec.output)) {
    spec.output = {
      ...spec.output,
      path: confinePath(spec.output.path, 'output.path', userDir, own),
    };
  }
  if (isObject(spec.params)) {
    const params: Record<string, unknown> = {};
    for (const [name, source] of Object.entries(spec.params)) {
      params[name] = confineParam(source, `params.${name}`, userDir);
    }
    spec.params = params;
  }
  return spec;
}

function confineParam(source: unknown, field: string, userDir: string): unknown {
  if (!isObject(source)) return source;
  if ('env' in source) {
    throw new OffloadError(
      'PERMISSION_DENIED',
      `${field}.env: a job submitted over the API cannot read the server's environment; ` +
        'upload the secret and give it as {"file": <path>}',
      { field: `${field}.env` },
    );
  }
  if ('file' in source) {
    return { ...source, file: confinePath(source.file, `${field}.file`, userDir, [userDir]) };
  }
  return source;
}

// Reads one mapping of the configuration, field by field, with errors that name the
// dotted path of the field and show the bad value.
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { OffloadError, show } from '../errors.js';

export function fail(field: string, expectation: string, value: unknown): never {
  throw new OffloadError('CONFIG_INVALID', `${field} ${expectation}, got ${show(value)}`, {
    field,
  });
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Expands `~/` and resolves a relative path against the configuration file's folder. */
export function resolvePath(path: string, baseDir: string): string {
  if (path === '~') return homedir();
  if (path.startsWith('~/')) return resolve(homedir(), path.slice(2));
  return isAbsolute(path) ? resolve(path) : resolve(baseDir, path);
}

export class Section {
  readonly path: string;
  readonly baseDir: string;
  private readonly value: Record<string, unknown>;

  private constructor(path: string, value: Record<string, unknown>, baseDir: string) {
    this.path = path;
    this.value = value;
    this.baseDir = baseDir;
  }

  /** A mapping (or nothing, read as empty) whose keys must all be in `known`. */
  static of(value: unknown, path: string, baseDir: string, known: readonly string[]): Section {
    if (value === undefined || value === null) return new Section(path, {}, baseDir);
    if (!isMapping(value)) fail(path, 'must be a mapping', value);
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        fail(`${path}.${key}`, `is not a known setting (known: ${known.join(', ')})`, key);
      }
    }
    return new Section(path, value, baseDir);
  }

  field(key: string): string {
    return `${this.path}.${key}`;
  }

  raw(key: string): unknown {
    const value = this.value[key];
    return value === null ? undefined : value;
  }

  has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  section(key: string, known: readonly string[]): Section {
    return Section.of(this.raw(key), this.field(key), this.baseDir, known);
  }

  str(key: string, pattern?: RegExp, expectation?: string): string | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.length === 0) {
      fail(this.field(key), 'must be a non-empty string', value);
    }
    if (pattern !== undefined && !pattern.test(value)) {
      fail(this.field(key), expectation ?? `must match ${pattern}`, value);
    }
    return value;
  }

  int(key: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(this.field(key), `must be an integer from ${min} to ${max}`, value);
    }
    return value;
  }

  positive(key: string): number | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      fail(this.field(key), 'must be a positive number', value);
    }
    return value;
  }

  bool(key: string): boolean | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') fail(this.field(key), 'must be true or false', value);
    return value;
  }

  oneOf<T extends string>(key: string, choices: readonly T[]): T | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (!choices.includes(value as T)) {
      fail(this.field(key), `must be one of ${choices.join(', ')}`, value);
    }
    return value as T;
  }

  /** A local path, absolute after `~` expansion and resolution against the file's folder. */
  localPath(key: string): string | undefined {
    const value = this.str(key);
    return value === undefined ? undefined : resolvePath(value, this.baseDir);
  }

  strings(key: string, pattern: RegExp, expectation: string): string[] | undefined {
    const value = this.raw(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) fail(this.field(key), 'must be a list of strings', value);
    return value.map((item, i) => {
      const field = `${this.field(key)}[${i}]`;
      if (typeof item !== 'string' || !pattern.test(item)) fail(field, expectation, item);
      return item;
    });
  }
}

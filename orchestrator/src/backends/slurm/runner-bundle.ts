// The runner staged with each job: the compiled task entry and every module it reaches
// through relative imports, copied from orchestrator/dist as they are, so a batch runs
// the very code a local worker runs. The runner imports nothing outside Node's own
// modules; a bare import here means that changed, and is refused rather than staged
// half-working.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OffloadError } from '../../errors.js';
import type { UploadItem } from './staging.js';
import { RUNNER_DIR } from './task-manifest.js';

const here = dirname(fileURLToPath(import.meta.url));
/** orchestrator/dist, seen from orchestrator/dist/src/backends/slurm. */
const DIST_ROOT = resolve(here, '../../..');
const ENTRY = join(here, 'task-entry.js');

/** Static and dynamic imports in compiled ESM; type-only imports are gone by then. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function specifiers(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1]!);
}

/** Every compiled module the entry reaches, as absolute paths, entry first. */
export async function runnerModules(entry: string = ENTRY): Promise<string[]> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const source = await readFile(file, 'utf8');
    for (const spec of specifiers(source)) {
      if (spec.startsWith('node:')) continue;
      if (!spec.startsWith('./') && !spec.startsWith('../')) {
        throw new OffloadError(
          'INTERNAL',
          `the Slurm runner may import only node: modules, but ${file} imports ${spec}`,
        );
      }
      const target = resolve(dirname(file), spec);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}

/**
 * Upload items for the runner folder: its modules, at their paths under dist, and a
 * package.json that makes Node read them as ES modules.
 */
export async function runnerBundle(distRoot: string = DIST_ROOT): Promise<UploadItem[]> {
  const modules = await runnerModules(join(distRoot, relative(DIST_ROOT, ENTRY)));
  const items: UploadItem[] = modules.map((file) => ({
    name: `${RUNNER_DIR}/${relative(distRoot, file).split('\\').join('/')}`,
    source: file,
  }));
  items.push({
    name: `${RUNNER_DIR}/package.json`,
    source: Buffer.from('{ "type": "module" }\n'),
  });
  return items;
}

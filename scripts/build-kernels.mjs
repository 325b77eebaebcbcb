#!/usr/bin/env node
// Compiles every kernel listed in wasm-kernels/kernels.json with the AssemblyScript
// compiler and writes wasm-kernels/build/<name>.wasm plus build/manifest.json.
//
// Usage: node scripts/build-kernels.mjs [--out <dir>] [kernel ...]
// `--out` writes elsewhere (the reproducibility test builds twice into temporary
// directories and compares the hashes); naming kernels rebuilds only those.
//
// The compiler options are fixed here, not taken from the environment, so that the
// same sources and compiler version always give the same bytes and hashes.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const kernelsDir = join(root, 'wasm-kernels');
const ABI_VERSION = 1;

export const COMPILER_OPTIONS = [
  '--optimizeLevel',
  '3',
  '--shrinkLevel',
  '0',
  '--converge',
  '--noAssert',
  '--runtime',
  'stub',
  '--enable',
  'simd',
  '--initialMemory',
  '2',
  '--exportTable',
];

async function compile(source, outFile) {
  const stderr = [];
  const { error } = await asc.main(
    [join(kernelsDir, source), '--outFile', outFile, ...COMPILER_OPTIONS],
    { stderr: { write: (s) => stderr.push(String(s)) }, stdout: { write: () => {} } },
  );
  if (error) {
    throw new Error(`compiling ${source} failed: ${error.message}\n${stderr.join('')}`);
  }
}

function parseArgs(argv) {
  const only = new Set();
  let outDir = join(kernelsDir, 'build');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') {
      if (!argv[i + 1]) throw new Error('--out needs a directory');
      outDir = resolve(argv[++i]);
    } else {
      only.add(argv[i]);
    }
  }
  return { only, outDir };
}

async function main() {
  const { only, outDir } = parseArgs(process.argv.slice(2));
  const catalogue = JSON.parse(await readFile(join(kernelsDir, 'kernels.json'), 'utf8'));
  await mkdir(outDir, { recursive: true });
  const version = JSON.parse(
    await readFile(join(root, 'node_modules/assemblyscript/package.json'), 'utf8'),
  ).version;

  const entries = [];
  for (const kernel of catalogue.kernels) {
    const file = `${kernel.name}.wasm`;
    const outFile = join(outDir, file);
    if (only.size === 0 || only.has(kernel.name)) await compile(kernel.source, outFile);
    const bytes = await readFile(outFile);
    const { source, ...described } = kernel;
    entries.push({
      ...described,
      abi: ABI_VERSION,
      file,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      source,
    });
  }

  const manifest = {
    abi: ABI_VERSION,
    compiler: { name: 'assemblyscript', version, options: COMPILER_OPTIONS },
    kernels: entries,
  };
  const tmp = join(outDir, 'manifest.json.tmp');
  await writeFile(tmp, JSON.stringify(manifest, null, 2) + '\n');
  await rename(tmp, join(outDir, 'manifest.json'));
  for (const e of entries) process.stdout.write(`${e.name.padEnd(20)} ${e.sha256}\n`);
}

await main();

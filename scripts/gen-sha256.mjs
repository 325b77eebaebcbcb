#!/usr/bin/env node
// Writes wasm-kernels/assembly/lib/generated/sha256-rounds.ts: the SHA-256 compression
// function (FIPS 180-4 §6.2.2) with all 64 rounds unrolled, in a scalar form and in a
// four-lane v128 form that hashes four independent blocks at once.
//
// AssemblyScript has no macros, and an unrolled compression is ~600 lines that must not
// drift from the specification, so it is produced here rather than written by hand.
// Unrolling lets the message schedule live in sixteen rolling locals instead of a
// 64-word array in linear memory, and lets the state variables be renamed each round
// instead of shuffled. The generator also folds constant message words (the padding of
// an HMAC outer block) into the round constants.
//
// Run: node scripts/gen-sha256.mjs  (the output is committed; the kernel build reads it).
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'wasm-kernels/assembly/lib/generated/sha256-rounds.ts');

// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the
// first 64 primes, computed here from the primes so that no table is transcribed.
function roundConstants() {
  const primes = [];
  for (let n = 2; primes.length < 64; n++) {
    if (primes.every((p) => n % p !== 0)) primes.push(n);
  }
  return primes.map((p) => {
    // 2^32 * frac(cbrt(p)) with BigInt precision: floor(cbrt(p * 2^96)) mod 2^32.
    const target = BigInt(p) << 96n;
    let lo = 0n;
    let hi = 1n << 40n;
    while (lo < hi) {
      const mid = (lo + hi + 1n) >> 1n;
      if (mid * mid * mid <= target) lo = mid;
      else hi = mid - 1n;
    }
    return Number(lo & 0xffffffffn);
  });
}

const K = roundConstants();
// Groups of four lanes compressed with interleaved rounds. Two groups were slower (18-byte
// HMACs 2.3M/s -> 1.7M/s, CPU time): 48 live vectors spill far more than the latency they
// hide. SHA256_LANE_GROUPS=2 regenerates that form for measurement.
const GROUPS = Number(process.env.SHA256_LANE_GROUPS ?? 1);
const hex = (v) => '0x' + (v >>> 0).toString(16).padStart(8, '0');
const rotr = (x, n) => ((x >>> n) | (x << (32 - n))) >>> 0;
const ssig0 = (x) => (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) >>> 0;
const ssig1 = (x) => (rotr(x, 17) ^ rotr(x, 19) ^ (x >>> 10)) >>> 0;

/** The splatted constants one four-lane function uses, in first-use order. */
const simdTable = {
  name: '',
  values: [],
  reset(name) {
    this.name = name;
    this.values = [];
  },
  ref(v) {
    let i = this.values.indexOf(v);
    if (i < 0) i = this.values.push(v) - 1;
    return `v128.load(${this.name}, ${i * 16})`;
  },
  declare() {
    const words = this.values.flatMap((v) => [v, v, v, v].map(hex));
    const rows = [];
    for (let i = 0; i < words.length; i += 8)
      rows.push('  ' + words.slice(i, i + 8).join(', ') + ',');
    return `const ${this.name}: usize = memory.data<u32>([\n${rows.join('\n')}\n], 16);`;
  },
};

/** A four-lane function: its constant table, then its body. */
function simdFunction(signature, table, words, groups) {
  simdTable.reset(table);
  const code = body(simd, words, groups);
  return `${simdTable.declare()}\n\n${signature} {\n${code}\n}`;
}

/** How each form spells the operations the rounds need. */
const scalar = {
  type: 'u32',
  add: (...xs) => xs.join(' + '),
  constant: (v) => hex(v),
  bigSigma0: (x) => `(rotr<u32>(${x}, 2) ^ rotr<u32>(${x}, 13) ^ rotr<u32>(${x}, 22))`,
  bigSigma1: (x) => `(rotr<u32>(${x}, 6) ^ rotr<u32>(${x}, 11) ^ rotr<u32>(${x}, 25))`,
  smallSigma0: (x) => `(rotr<u32>(${x}, 7) ^ rotr<u32>(${x}, 18) ^ (${x} >>> 3))`,
  smallSigma1: (x) => `(rotr<u32>(${x}, 17) ^ rotr<u32>(${x}, 19) ^ (${x} >>> 10))`,
  // Ch(e, f, g) = g ^ (e & (f ^ g)); Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)), reusing
  // b ^ c, which is the previous round's a ^ b.
  ch: (e, f, g) => `(${g} ^ (${e} & (${f} ^ ${g})))`,
  maj: (a, b, bc, ab) => `(${b} ^ (${ab} & ${bc}))`,
  xor: (x, y) => `${x} ^ ${y}`,
  load: (ptr, off) => `load<u32>(${ptr}, ${off})`,
  loadMessage: (ptr, off) => `bswap<u32>(load<u32>(${ptr}, ${off}))`,
  store: (ptr, off, v) => `store<u32>(${ptr}, ${v}, ${off})`,
  width: 4,
};

const simd = {
  type: 'v128',
  add: (...xs) => xs.reduce((acc, x) => `i32x4.add(${acc}, ${x})`),
  // V8 builds a v128 constant from two 64-bit immediates; a load from a table of
  // splatted words folds into the add instead (no change measurable through the noise
  // of a shared machine, kept because it is never worse in the instruction count).
  constant: (v) => simdTable.ref(v),
  // Sixteen rolling schedule vectors plus eight state vectors overflow the sixteen
  // xmm registers; computing W[i] + K[i] for all rounds first, into memory, leaves the
  // rounds only the state to keep: 18-byte HMACs 2.2M/s -> 2.45M/s (CPU time).
  // SHA256_SCHEDULE=locals brings back the rolling form for measurement.
  scheduleInMemory: process.env.SHA256_SCHEDULE !== 'locals',
  bigSigma0: (x) => `bigSigma0x4(${x})`,
  bigSigma1: (x) => `bigSigma1x4(${x})`,
  smallSigma0: (x) => `smallSigma0x4(${x})`,
  smallSigma1: (x) => `smallSigma1x4(${x})`,
  // v128.bitselect(x, y, m) takes x where m is set: Ch is one instruction, and
  // Maj(a, b, c) = bitselect(a, b, b ^ c) is one more after the shared b ^ c (the
  // scalar form b ^ ((a ^ b) & (b ^ c)) measured no faster).
  ch: (e, f, g) => `v128.bitselect(${f}, ${g}, ${e})`,
  maj: (a, b, bc) => `v128.bitselect(${a}, ${b}, ${bc})`,
  xor: (x, y) => `v128.xor(${x}, ${y})`,
  load: (ptr, off) => `v128.load(${ptr}, ${off})`,
  loadMessage: (ptr, off) => `v128.load(${ptr}, ${off})`,
  store: (ptr, off, v) => `v128.store(${ptr}, ${v}, ${off})`,
  width: 16,
};

/**
 * Emits the body of one compression. `words[i]` is a number for a message word known
 * at generation time, or null for one loaded from `block`. With `groups` > 1 the
 * function compresses that many independent blocks (states and message words laid one
 * group after another) with their rounds interleaved, so that the processor always has
 * work from one group while the other waits on a result.
 */
function body(f, words, groups = 1) {
  const parts = [...Array(groups).keys()].map((g) => group(f, words, g, groups > 1 ? `_${g}` : ''));
  const lines = parts.flatMap((p) => p.prologue);
  for (let i = 0; i < 64; i++) lines.push(...parts.flatMap((p) => p.rounds[i]));
  lines.push(...parts.flatMap((p) => p.epilogue));
  return lines.map((l) => '  ' + l).join('\n');
}

function group(f, words, g, sfx) {
  const prologue = [];
  const stateAt = (i) => (g * 8 + i) * f.width;
  const s = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((v) => v + sfx);
  const w = words.map((c, i) => {
    if (c !== null) return { constant: c };
    prologue.push(`let w${i}${sfx} = ${f.loadMessage('block', (g * 16 + i) * f.width)};`);
    return { name: `w${i}${sfx}` };
  });
  for (let i = 0; i < 16; i++) {
    if (w[i].constant !== undefined) prologue.push(`let w${i}${sfx}: ${f.type};`);
  }
  // W[i] + K[i] for each round: a constant, an expression of the rolling locals, or
  // (with the schedule in memory) a load of what a first pass stored.
  const kw = [];
  for (let i = 0; i < 64; i++) {
    const lines = i >= 16 ? schedule(f, w, i, sfx) : [];
    const wi = w[i % 16];
    if (wi.constant !== undefined) {
      kw.push({ lines, terms: [f.constant((K[i] + wi.constant) >>> 0)] });
    } else if (f.scheduleInMemory) {
      const at = (g * 64 + i) * f.width;
      prologue.push(...lines, `v128.store(SCHEDULE, ${f.add(wi.name, f.constant(K[i]))}, ${at});`);
      kw.push({ lines: [], terms: [`v128.load(SCHEDULE, ${at})`] });
    } else {
      kw.push({ lines, terms: [wi.name, f.constant(K[i])] });
    }
  }
  s.forEach((v, i) => prologue.push(`let ${v} = ${f.load('state', stateAt(i))};`));
  const [t, ab, bc] = ['t', 'ab', 'bc'].map((v) => v + sfx);
  prologue.push(`let ${t}: ${f.type};`, `let ${ab}: ${f.type};`);
  prologue.push(`let ${bc} = ${f.xor(s[1], s[2])};`);

  const rounds = [];
  for (let i = 0; i < 64; i++) {
    const lines = [`// round ${i}${sfx ? ', group ' + g : ''}`, ...kw[i].lines];
    const r = (j) => s[(j - i + 64) % 8];
    const [A, B, , D, E, F, G, H] = [0, 1, 2, 3, 4, 5, 6, 7].map(r);
    lines.push(`${t} = ${f.add(H, f.bigSigma1(E), f.ch(E, F, G), ...kw[i].terms)};`);
    lines.push(`${D} = ${f.add(D, t)};`);
    lines.push(`${ab} = ${f.xor(A, B)};`);
    lines.push(`${H} = ${f.add(t, f.bigSigma0(A), f.maj(A, B, bc, ab))};`);
    lines.push(`${bc} = ${ab};`);
    rounds.push(lines);
  }
  const epilogue = s.map(
    (v, i) => f.store('state', stateAt(i), f.add(f.load('state', stateAt(i)), v)) + ';',
  );
  return { prologue, rounds, epilogue };
}

/** FIPS 180-4 §6.2.2 step 1 for word i, folding the terms known at generation time. */
function schedule(f, w, i, sfx) {
  const terms = [
    { v: w[(i - 2) % 16], fn: ssig1, emit: f.smallSigma1 },
    { v: w[(i - 7) % 16], fn: (x) => x, emit: (x) => x },
    { v: w[(i - 15) % 16], fn: ssig0, emit: f.smallSigma0 },
    { v: w[(i - 16) % 16], fn: (x) => x, emit: (x) => x },
  ];
  let constant = 0;
  const parts = [];
  for (const t of terms) {
    if (t.v.constant !== undefined) constant = (constant + t.fn(t.v.constant)) >>> 0;
    else parts.push(t.emit(t.v.name));
  }
  const slot = i % 16;
  if (parts.length === 0) {
    w[slot] = { constant };
    return [];
  }
  if (constant !== 0) parts.push(f.constant(constant));
  w[slot] = { name: `w${slot}${sfx}` };
  return [`w${slot}${sfx} = ${parts.length === 1 ? parts[0] : f.add(...parts)};`];
}

const loaded = new Array(16).fill(null);
// An HMAC-SHA256 outer block: the 32-byte inner digest (words 0-7, loaded), then the
// padding of a 96-byte message (64-byte key block + 32 bytes), FIPS 180-4 §5.1.1.
const outer = [...new Array(8).fill(null), 0x80000000, 0, 0, 0, 0, 0, 0, 96 * 8];

const header = `// GENERATED by scripts/gen-sha256.mjs: do not edit; change the generator and rerun it.
//
// SHA-256 compression (FIPS 180-4 §6.2.2) with the 64 rounds unrolled, the message
// schedule in sixteen rolling locals and the state variables renamed each round.
/* eslint-disable */
`;

// WebAssembly SIMD has no rotate, so a rotation is two shifts and an or. Moving the left
// shifts to the multiplier (x * 2^k from a table) measured no faster here.
const simdHelpers = `
@inline function rotr4(x: v128, n: i32): v128 {
  return v128.or(i32x4.shr_u(x, n), i32x4.shl(x, 32 - n));
}

// FIPS 180-4 §4.1.2, (4.4) to (4.7), on four lanes.
@inline function bigSigma0x4(x: v128): v128 {
  return v128.xor(v128.xor(rotr4(x, 2), rotr4(x, 13)), rotr4(x, 22));
}

@inline function bigSigma1x4(x: v128): v128 {
  return v128.xor(v128.xor(rotr4(x, 6), rotr4(x, 11)), rotr4(x, 25));
}

@inline function smallSigma0x4(x: v128): v128 {
  return v128.xor(v128.xor(rotr4(x, 7), rotr4(x, 18)), i32x4.shr_u(x, 3));
}

@inline function smallSigma1x4(x: v128): v128 {
  return v128.xor(v128.xor(rotr4(x, 17), rotr4(x, 19)), i32x4.shr_u(x, 10));
}
`;

const text = `${header}
/** Round constants K (FIPS 180-4 §4.2.2), for code that is not unrolled. */
export const K: StaticArray<u32> = [
${K.map((k) => '  ' + hex(k) + ',').join('\n')}
];

/**
 * Compresses the 64-byte block at \`block\` (message bytes, big-endian words) into the
 * eight-word state at \`state\`.
 */
export function compressBlock(state: usize, block: usize): void {
${body(scalar, loaded)}
}
${simdHelpers}
/** Independent four-lane groups compressed together by the multi-buffer functions. */
export const LANE_GROUPS: u32 = ${GROUPS};

/** W[i] + K[i] of each round, computed in a first pass (FIPS 180-4 §6.2.2 step 1). */
const SCHEDULE: usize = memory.data(${GROUPS * 64 * 16}, 16);

/**
 * Multi-buffer compression of ${GROUPS} group(s) of four lanes: \`state\` holds ${GROUPS} x 8
 * v128 (word j of group g's four states at offset 16 * (8g + j)) and \`block\` ${GROUPS} x 16
 * v128 (message word i of group g's four lanes, in host byte order, at 16 * (16g + i)).
 */
${simdFunction('export function compressLanes(state: usize, block: usize): void', 'K_LANES', loaded, GROUPS)}

/**
 * Multi-buffer compression of HMAC-SHA256 outer blocks: only words 0-7 of each group
 * (the inner digests) are read from \`block\`; the padding words are folded into the
 * rounds.
 */
${simdFunction('export function compressLanesOuter(state: usize, block: usize): void', 'K_OUTER', outer, GROUPS)}
`;

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, text);
process.stdout.write(`wrote ${outFile}\n`);

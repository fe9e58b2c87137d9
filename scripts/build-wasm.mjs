#!/usr/bin/env node
/**
 * Compiles the AssemblyScript kernels in src/wasm/*.as.ts to src/wasm/*.wasm (release build,
 * no managed runtime). Run: node scripts/build-wasm.mjs [name ...]   (default: every kernel)
 * The .wasm files are build outputs served from our own origin (Vite bundles them as assets).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'wasm');
const wanted = process.argv.slice(2);
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.as.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.as\.ts$/, '')));
if (sources.length === 0) {
  console.error(`no AssemblyScript sources to build in ${dir}${wanted.length ? ` for ${wanted.join(', ')}` : ''}`);
  process.exit(1);
}
let failed = false;
for (const file of sources) {
  const out = file.replace(/\.as\.ts$/, '.wasm');
  const { error, stderr } = await asc.main(
    [join(dir, file), '--outFile', join(dir, out), '--optimizeLevel', '3', '--shrinkLevel', '0', '--runtime', 'stub', '--noAssert', '--initialMemory', '1'],
    {},
  );
  if (error) {
    console.error(`${file}: ${error.message}\n${stderr.toString()}`);
    failed = true;
  } else {
    console.log(`built src/wasm/${out}`);
  }
}
process.exit(failed ? 1 : 0);

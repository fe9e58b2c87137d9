#!/usr/bin/env node
/**
 * Compiles the AssemblyScript kernels in src/wasm/*.as.ts to src/wasm/*.wasm (release build,
 * no managed runtime).
 *   node scripts/build-wasm.mjs [name ...]           build (default: every kernel)
 *   node scripts/build-wasm.mjs --check [name ...]   exit 1 if a .wasm is missing or differs
 *                                                     from what its source compiles to
 * The .wasm files are served from our own origin (Vite bundles them as assets).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'wasm');
const args = process.argv.slice(2);
const check = args.includes('--check');
const wanted = args.filter((a) => a !== '--check');

/**
 * Extra compiler flags per kernel. fairness: Math.log/exp/log1p come from the host's JavaScript
 * Math (imports env["Math.log"], ...), so that its seeded draws equal its TypeScript twin's bit
 * for bit; src/wasm/fairness-kernels.ts supplies those imports.
 */
const EXTRA = { fairness: ['--use', 'Math=JSMath'] };

const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.as.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.as\.ts$/, '')));
if (sources.length === 0) {
  console.error(`no AssemblyScript sources in ${dir}${wanted.length ? ` for ${wanted.join(', ')}` : ''}`);
  process.exit(1);
}

let failed = false;
for (const file of sources) {
  const name = file.replace(/\.as\.ts$/, '');
  const target = join(dir, `${name}.wasm`);
  let bytes = null;
  const { error, stderr } = await asc.main(
    [join(dir, file), '--outFile', target, '--optimizeLevel', '3', '--shrinkLevel', '0', '--runtime', 'stub', '--noAssert', '--initialMemory', '1', ...(EXTRA[name] ?? [])],
    check ? { writeFile: (_name, contents) => (bytes = contents) } : {},
  );
  if (error) {
    console.error(`${file}: ${error.message}\n${stderr.toString()}`);
    failed = true;
  } else if (!check) {
    console.log(`built src/wasm/${name}.wasm`);
  } else if (!existsSync(target) || Buffer.compare(Buffer.from(bytes), readFileSync(target)) !== 0) {
    console.error(`src/wasm/${name}.wasm is missing or out of date; run: node scripts/build-wasm.mjs ${name}`);
    failed = true;
  } else {
    console.log(`src/wasm/${name}.wasm is up to date`);
  }
}
process.exit(failed ? 1 : 0);

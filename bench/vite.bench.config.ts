import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * Build of the Chromium benchmark page (bench/browser -> bench/browser/dist), served by
 * bench/browser/run.ts with vite preview. Same runtime choices as the app (vite.config.ts):
 * onnxruntime-web's WebAssembly backend only, served from our origin, ES-module workers, and
 * cross-origin isolation so that onnxruntime may use threads.
 */
const root = resolve(import.meta.dirname, 'browser');
const fixtures = resolve(import.meta.dirname, '..', 'test', 'fixtures');
const FIXTURE_FILES = ['german_credit_gbm/model.onnx', 'german_credit_gbm/features.csv', 'german_credit_gbm/reference.json'];

const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Copies the fixture files the workloads read into dist/fixtures/. */
function fixtureAssets(): Plugin {
  return {
    name: 'einblick-bench-fixtures',
    generateBundle() {
      for (const f of FIXTURE_FILES) this.emitFile({ type: 'asset', fileName: `fixtures/${f}`, source: readFileSync(join(fixtures, f)) });
    },
  };
}

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  plugins: [fixtureAssets()],
  resolve: { alias: [{ find: /^onnxruntime-web$/, replacement: 'onnxruntime-web/wasm' }] },
  worker: { format: 'es' },
  // not minified, so that profiles and stack traces name our functions
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, minify: false, chunkSizeWarningLimit: 4000 },
  preview: { headers: isolation },
  server: { headers: isolation },
  logLevel: 'warn',
});

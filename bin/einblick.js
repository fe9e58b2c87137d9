#!/usr/bin/env node
// Entry point of the `einblick` command: runs the TypeScript CLI (src/cli/main.ts) through tsx,
// so the command line uses exactly the engine sources the browser app is built from.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv);

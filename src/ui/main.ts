/** Browser entry: starts the engine worker and mounts the app. */
import { mount } from 'svelte';
import App from './App.svelte';
import { AppState } from './app.svelte.ts';
import { WorkerClient } from '../worker/client.ts';
import { i18n } from './i18n/i18n.svelte.ts';
import './app.css';

document.documentElement.lang = i18n.lang;
const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module', name: 'einblick-engine' });
const app = new AppState(new WorkerClient(worker));
mount(App, { target: document.getElementById('app')!, props: { app } });

// The start page's demo cards; ?demo=ID opens that demo at once (used by `npm start`'s link).
const demo = new URLSearchParams(location.search).get('demo');
void app.demos.loadCatalogue().then(() => {
  if (demo && /^[a-z0-9-]+$/.test(demo)) void app.demos.open(demo);
});

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

// ?demo=german-credit opens the app with the bundled demo loaded (used by `npm start`'s link).
const demo = new URLSearchParams(location.search).get('demo');
if (demo && /^[a-z0-9-]+$/.test(demo)) void app.loadDemo(`demo/${demo}`);

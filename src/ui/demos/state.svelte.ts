/**
 * The workshop demos: the catalogue shown on the start page (each demo.json fetched from this
 * page's own origin), and the demo that is open, whose guided tour the app shows. Opening a demo
 * loads its model and data and applies its settings as an audit file.
 */
import { EngineError } from '../../worker/client.ts';
import type { AppState } from '../app.svelte.ts';
import { DEMO_IDS, demoAudit, demoFileNames, parseDemo, type Demo } from './catalogue.ts';
import { i18n } from '../i18n/i18n.svelte.ts';

export class DemoState {
  list = $state.raw<Demo[]>([]);
  /** Demos whose description could not be read (shown, so that nothing is silently missing). */
  missing = $state.raw<string[]>([]);
  /** The open demo (its tour is shown). */
  active = $state.raw<Demo | null>(null);
  tourOpen = $state(false);

  constructor(private app: AppState) {}

  /** Reads every demo.json once. */
  async loadCatalogue(): Promise<void> {
    const found: Demo[] = [];
    const missing: string[] = [];
    await Promise.all(
      DEMO_IDS.map(async (id) => {
        try {
          found.push(parseDemo(JSON.parse(new TextDecoder().decode(await fetchBytes(`demo/${id}/demo.json`)))));
        } catch {
          missing.push(id);
        }
      }),
    );
    const order = (d: Demo) => DEMO_IDS.indexOf(d.id as (typeof DEMO_IDS)[number]);
    this.list = found.sort((a, b) => order(a) - order(b));
    this.missing = missing;
  }

  /** Opens a demo: its files, its settings, its tour; then the mapping step. */
  async open(id: string): Promise<void> {
    const demo = this.list.find((d) => d.id === id) ?? (await this.fetchDemo(id));
    if (!demo) return;
    const base = `demo/${demo.id}`;
    const audit = demoAudit(demo);
    this.app.audit.source = null;
    this.app.audit.opened = null;
    this.app.audit.adopt(audit, demo.title[i18n.lang]);
    const ok = await this.app.loadPair(async () => {
      const [model, data] = await Promise.all([fetchBytes(`${base}/${demo.model}`), fetchBytes(`${base}/${demo.data}`)]);
      return { model, data, names: demoFileNames(demo) };
    }, audit);
    if (!ok) return;
    this.active = demo;
    this.tourOpen = true;
    this.app.goTo('map');
  }

  private async fetchDemo(id: string): Promise<Demo | null> {
    try {
      return parseDemo(JSON.parse(new TextDecoder().decode(await fetchBytes(`demo/${id}/demo.json`))));
    } catch {
      this.app.error = { code: 'FILE_NOT_FOUND', message: `could not load the demo ${id}`, hint: 'The demo files are missing from this installation.' };
      return null;
    }
  }
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new EngineError({ code: 'FILE_NOT_FOUND', message: `could not load ${url} (${res.status})`, hint: 'The demo files are missing from this installation.' });
  return res.arrayBuffer();
}

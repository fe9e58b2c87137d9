/**
 * The audit file and the report: the report's own settings (title, language, checklist), the
 * audit file that was opened (and the files it names, to compare their hashes), and the newest
 * run of the whole analysis in the engine ('audit' request: the same runAudit as
 * `einblick audit`), reused while the audit file stays the same.
 */
import type { ErrorInfo, Progress } from '../../engine/errors.ts';
import type { Audit } from '../../engine/audit/schema.ts';
import { checkAuditSize, readAudit } from '../../engine/audit/schema.ts';
import type { AuditResults } from '../../engine/audit/run.ts';
import { VERSION } from '../../engine/version.ts';
import type { AppState } from '../app.svelte.ts';
import { infoOf } from '../error-info.ts';
import { LatestRunner } from '../explain/runner.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { download } from '../download.ts';
import { buildAudit, type Answer, type Checklist, type FileRef } from './build.ts';
import { reportOf } from './apply.ts';
import type { Problem } from '../explain/settings.ts';

export interface HashCheck {
  what: 'model' | 'data';
  expected: FileRef;
  /** The loaded file; null while it is not loaded. */
  actual: FileRef | null;
  matches: boolean | null;
}

export interface AuditRun {
  key: string;
  created: string;
  results: AuditResults;
  reportHtml: string;
}

/** The audit file without its time stamp: two runs with the same key compute the same. */
const keyOf = (a: Audit): string => JSON.stringify({ ...a, created: undefined });

export class AuditState {
  title = $state('');
  /** The report's language as chosen (or set by an audit file); null: the page's language. */
  private languageChoice = $state<'de' | 'en' | null>(null);
  includeExplain = $state(true);
  checklist = $state<Checklist>({});
  carried = $state.raw<Partial<Audit>>({});
  /** The files named by the audit file that was opened (null: none opened). */
  expected = $state.raw<{ model: FileRef | null; data: FileRef | null } | null>(null);
  /** An opened audit file waiting for its model and data. */
  pending = $state.raw<Audit | null>(null);
  /** The opened audit file's name. */
  source = $state.raw<string | null>(null);
  /** The last audit file opened or saved, as it is, and the key of the choices right after it was applied. */
  opened = $state.raw<Audit | null>(null);
  private appliedKey: string | null = null;
  error = $state.raw<ErrorInfo | null>(null);
  busy = $state.raw<{ started: number; progress: Progress | null } | null>(null);
  last = $state.raw<AuditRun | null>(null);

  /** The audit file for the present choices (without a time stamp), or what stops it. */
  built = $derived(this.build(''));
  fresh = $derived.by(() => {
    const run = this.build('', true).audit;
    return this.last !== null && run !== null && this.last.key === keyOf(run);
  });
  hashChecks = $derived(this.checks());

  private runner = new LatestRunner();

  constructor(private app: AppState) {}

  /** The report's language: the page's, until the person (or an audit file) chooses one. */
  get language(): 'de' | 'en' {
    return this.languageChoice ?? i18n.lang;
  }

  set language(lang: 'de' | 'en') {
    this.languageChoice = lang;
  }

  /**
   * The audit file as of `created`, naming the loaded files. For a run (`forRun`), the files
   * named by an opened audit file are kept instead, so that the engine reports a file that is
   * not the one the audit file was made with, as `einblick audit` does with that file.
   */
  build(created: string, forRun = false): { audit: Audit | null; problems: Problem[] } {
    const { model, data, fairness } = this.app;
    if (!model || !data || !fairness) return { audit: null, problems: [{ key: 'audit.problem.files' }] };
    return buildAudit({
      task: model.signature.task,
      columns: data.columns,
      rows: data.rows,
      features: this.app.features,
      output: this.app.output,
      fairness: fairness.settings,
      explain: this.app.explain.settings,
      includeExplain: this.includeExplain,
      title: this.title,
      language: this.language,
      checklist: this.checklist,
      carried: this.carried,
      model: (forRun ? this.expected?.model : null) ?? { name: model.fileName, sha256: model.sha256 },
      data: (forRun ? this.expected?.data : null) ?? { name: data.fileName, sha256: data.sha256 },
      einblick: VERSION,
      created,
    });
  }

  /** Takes over an audit file's report settings and the files it names. */
  adopt(a: Audit, title?: string): void {
    const r = reportOf(a);
    this.title = title ?? r.title;
    this.languageChoice = r.language ?? null;
    this.includeExplain = r.includeExplain;
    this.checklist = r.checklist;
    this.carried = r.carried;
    this.expected = r.expected.model || r.expected.data ? r.expected : null;
  }

  /** Opens an audit file: checks it, takes over every choice (now, or once the files are loaded). */
  async open(file: File): Promise<void> {
    this.error = null;
    let audit: Audit;
    try {
      checkAuditSize(file.size);
      audit = readAudit(await file.text());
    } catch (err) {
      this.error = infoOf(err);
      return;
    }
    this.source = file.name;
    this.app.demos.active = null;
    this.opened = audit;
    this.appliedKey = null;
    this.adopt(audit);
    await this.app.applyAudit(audit);
  }

  /** Called once an audit's choices are in place: while they stay so, that very file is what runs. */
  applied(audit: Audit): void {
    if (audit !== this.opened) return;
    const now = this.build('', true).audit;
    this.appliedKey = now ? keyOf(now) : null;
  }

  setAnswer(id: string, answer: Answer): void {
    this.checklist[id] = { ...this.checklist[id], answer };
  }

  setNote(id: string, note: string): void {
    this.checklist[id] = { ...this.checklist[id], note };
  }

  /** Saves the audit file (for the loaded files); from now on it is the audit file the files are compared with. */
  save(): void {
    const { audit } = this.build(new Date().toISOString());
    if (!audit) return;
    const name = this.language === 'de' ? 'einblick-pruefung.json' : 'einblick-audit.json';
    download(name, JSON.stringify(audit, null, 2) + '\n', 'application/json');
    this.expected = { model: audit.model ?? null, data: audit.data ?? null };
    this.opened = audit;
    this.applied(audit);
  }

  /** The results for the present choices: the last run if it still fits, else a new run. */
  async results(): Promise<AuditRun | null> {
    const created = new Date().toISOString();
    const { audit } = this.build(created, true);
    if (!audit) return null;
    const key = keyOf(audit);
    if (this.last?.key === key) return this.last;
    // unchanged since an audit file was opened or saved: run that file as it is, as the CLI would
    const file = this.opened && this.appliedKey === key ? this.opened : audit;
    const plain = $state.snapshot(file) as Audit;
    let run: AuditRun | null = null;
    await this.runner.run((opts) => this.app.engine.call({ kind: 'audit', audit: plain, report: { lang: this.language, created } }, opts), {
      started: (started) => {
        this.busy = { started, progress: null };
        this.error = null;
      },
      progress: (progress) => {
        if (this.busy) this.busy = { ...this.busy, progress };
      },
      result: (r) => (run = this.last = { key, created, results: r.results, reportHtml: r.reportHtml ?? '' }),
      error: (info) => (this.error = info),
      finished: () => (this.busy = null),
    });
    return run;
  }

  cancel(): void {
    this.runner.cancel();
  }

  /** Saves the results JSON: what `einblick audit` writes as results.json for the same files and audit file. */
  async exportResults(): Promise<void> {
    const r = await this.results();
    if (r) download(this.language === 'de' ? 'einblick-ergebnisse.json' : 'einblick-results.json', JSON.stringify(r.results, null, 2) + '\n', 'application/json');
  }

  async downloadReport(): Promise<void> {
    const r = await this.results();
    if (r) download(this.language === 'de' ? 'einblick-bericht.html' : 'einblick-report.html', r.reportHtml, 'text/html');
  }

  /** Opens the report in a new tab, to read or to print as PDF. The tab is opened at once, so that no pop-up blocker stops it. */
  async openReport(): Promise<boolean> {
    const tab = window.open('', '_blank');
    const r = await this.results();
    if (!r || !tab) {
      tab?.close();
      return Boolean(r);
    }
    tab.location.href = URL.createObjectURL(new Blob([r.reportHtml], { type: 'text/html' }));
    return true;
  }

  private checks(): HashCheck[] {
    if (!this.expected) return [];
    const out: HashCheck[] = [];
    for (const what of ['model', 'data'] as const) {
      const expected = this.expected[what];
      if (!expected) continue;
      const loaded = this.app[what];
      const actual = loaded ? { name: loaded.fileName, sha256: loaded.sha256 } : null;
      out.push({ what, expected, actual, matches: actual ? actual.sha256 === expected.sha256 : null });
    }
    return out;
  }
}

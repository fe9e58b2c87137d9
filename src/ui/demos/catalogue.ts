/**
 * The bundled workshop demos (static/demo/ID/demo.json): what each one is, and its settings as an
 * audit file, so that loading a demo applies its choices through the same path as opening an
 * audit file. Pure; the files are fetched from the page's own origin by the demo state.
 */
import { z } from 'zod';
import { parseAudit, type Audit } from '../../engine/audit/schema.ts';

/**
 * The demos shown on the start page, in this order: the public-administration case first (the
 * setting Einblick is made for), then the credit demos (the random forest explains exactly in
 * probability space; the boosted and logistic ones in log-odds, where that is exact and quick).
 */
export const DEMO_IDS = ['arbeitsschutz', 'german-credit', 'credit-logreg', 'credit-gbm'] as const;

const text = z.object({ de: z.string(), en: z.string() });

export const demoSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: text,
  description: text,
  model: z.string().regex(/^[\w.-]+$/),
  data: z.string().regex(/^[\w.-]+$/),
  outcome: z.object({ column: z.string(), positive: z.string(), favourable: z.string() }),
  protected: z.array(z.string()),
  intersect: z.array(z.string()).optional(),
  features: z.array(z.string()).nullable().optional(),
  threshold: z.number().min(0).max(1).optional(),
  top_k: z.array(z.union([z.string(), z.number().int().positive()])).optional(),
  bins: z.record(z.string(), z.union([z.array(z.number()), z.string()])).optional(),
  /** The explanation scale: 'logit' makes tree and linear SHAP exact and quick for boosted and logistic models. */
  space: z.enum(['logit', 'probability', 'raw']).optional(),
  tour: z.array(text),
});

export type Demo = z.infer<typeof demoSchema>;

/**
 * Checks a demo.json.
 *
 * @example parseDemo(JSON.parse(text)).title.de // 'Kreditwürdigkeit: Gradient Boosting (German Credit)'
 */
export function parseDemo(json: unknown): Demo {
  return demoSchema.parse(json);
}

/**
 * The demo's settings as an audit file (the keys the demo names; the rest are the engine's defaults).
 *
 * @example demoAudit(demo) // { label: 'Class=Good', favourable: 'Good', protected: ['sex', 'age_group'], ... }
 */
export function demoAudit(d: Demo): Audit {
  return parseAudit({
    label: `${d.outcome.column}=${d.outcome.positive}`,
    favourable: d.outcome.favourable,
    protected: d.protected,
    ...(d.intersect ? { intersect: d.intersect } : {}),
    ...(d.features ? { features: d.features } : {}),
    ...(d.threshold !== undefined ? { threshold: d.threshold } : {}),
    ...(d.top_k ? { top_k: d.top_k } : {}),
    ...(d.bins ? { bins: d.bins } : {}),
    ...(d.space ? { space: d.space } : {}),
  });
}

/**
 * The file names the engine records for a demo (and the audit file names).
 *
 * @example demoFileNames(demo) // { model: 'credit-gbm-model.onnx', data: 'credit-gbm-data.csv' }
 */
export function demoFileNames(d: Demo): { model: string; data: string } {
  return { model: `${d.id}-${d.model}`, data: `${d.id}-${d.data}` };
}

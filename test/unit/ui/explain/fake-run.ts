/** A hand-made ExplainRun for the layout tests (values chosen so that sums are easy to check). */
import type { ExplainRun } from '../../../../src/engine/analyses/explain-run.ts';
import { explanationToJson } from '../../../../src/engine/explain/json.ts';
import type { Explanation, Method, Space } from '../../../../src/engine/explain/types.ts';
import type { ExplainNote } from '../../../../src/engine/explain/notes.ts';
import type { DataValue } from '../../../../src/ui/explain/format.ts';

export interface FakeOptions {
  players: string[];
  /** rows x players */
  values: number[][];
  base: number;
  rows?: number[];
  data?: Record<string, DataValue[]>;
  /** Columns besides the players (e.g. protected attributes). */
  context?: Record<string, DataValue[]>;
  se?: number[][];
  method?: Method;
  space?: Space;
  notes?: ExplainNote[];
  /** f(x); default base + row sum */
  predictions?: number[];
}

export function fakeRun(o: FakeOptions): ExplainRun {
  const n = o.values.length, p = o.players.length;
  const predictions = o.predictions ?? o.values.map((r) => r.reduce((s, v) => s + v, o.base));
  const e: Explanation = {
    method: o.method ?? 'tree',
    space: o.space ?? 'probability',
    players: o.players,
    baseValue: o.base,
    rows: o.rows ?? Array.from({ length: n }, (_, i) => i),
    backgroundRows: [0, 1],
    values: Float64Array.from(o.values.flat()),
    predictions: Float64Array.from(predictions),
    standardErrors: o.se ? Float64Array.from(o.se.flat()) : null,
    errorEstimate: o.se ? Math.max(...o.se.flat()) : null,
    budget: { evaluations: o.se ? 1234 : 0, samplesPerRow: o.se ? 64 : null },
    notes: o.notes ?? [],
  };
  if (e.values.length !== n * p) throw new Error('fakeRun: values must be rows x players');
  return { explanation: e, score: { output: 'probabilities', positiveIndex: 1, positiveLabel: 'Good' }, json: explanationToJson(e) as unknown as Record<string, unknown>, values: o.data ?? {}, context: o.context ?? {}, notes: e.notes };
}

/**
 * Data loading: the seeded `rows` x 30 CSV of bench/data-load.ts (18 number columns, some with
 * empty cells, 10 category columns, 2 boolean columns; about 200 MB for 1M rows), generated in
 * memory by the host, then loaded with loadTable (parse into Apache Arrow and describe every
 * column), as the app does when a file is dropped.
 */
import { loadTable } from '../../src/engine/data/load.ts';
import type { LoadedTable } from '../../src/engine/data/types.ts';
import { benchCsv } from './data.ts';
import type { BenchContext, BenchParams, Prepared, Workload } from './types.ts';

async function prepare(_ctx: BenchContext, params: BenchParams): Promise<Prepared> {
  const t0 = performance.now();
  const bytes = benchCsv(params.rows);
  const generateSeconds = (performance.now() - t0) / 1000;
  let last: LoadedTable | null = null;
  return {
    info: { rows: params.rows, megabytes: Math.round(bytes.length / 1e5) / 10, generateSeconds: Math.round(generateSeconds * 10) / 10 },
    steps: {
      csv: async () => {
        last = null; // let the previous table go before the next load
        last = await loadTable(bytes, 'bench.csv');
      },
    },
    finish: async () => ({
      loadedRows: last!.rows,
      columns: last!.columns.length,
      kinds: last!.columns.map((c) => c.kind[0]).join(''),
      warnings: last!.warnings.length,
    }),
  };
}

export const dataLoadWorkload: Workload = {
  id: 'data-load',
  title: 'data load: CSV, 30 columns',
  rounds: () => 2,
  prepare,
};

/**
 * Issue 9: explaining rows the model cannot score (empty cells fed as NaN to a model that does
 * not handle them) said "invalid space: probability ... check the data for extreme values", as a
 * usage error. Now the rows and their empty cells are named, and the page says it in German.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalEngine } from '../../../src/worker/local.ts';
import { EngineError } from '../../../src/worker/client.ts';
import { errorDetail } from '../../../src/i18n/error-details.ts';

const FIX = join(import.meta.dirname, '../../fixtures/german_credit_logreg');
const ab = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** features.csv with the cell of `column` emptied in each given row. */
function withBlanks(blanks: [number, string][]): ArrayBuffer {
  const lines = readFileSync(join(FIX, 'features.csv'), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  for (const [row, column] of blanks) {
    const cells = lines[row + 1].split(',');
    cells[header.indexOf(column)] = '';
    lines[row + 1] = cells.join(',');
  }
  return ab(new TextEncoder().encode(lines.join('\n') + '\n'));
}

async function engine(blanks: [number, string][]): Promise<LocalEngine> {
  const e = new LocalEngine();
  await e.call({ kind: 'loadModel', bytes: ab(readFileSync(join(FIX, 'model.onnx'))), fileName: 'model.onnx' });
  await e.call({ kind: 'loadData', bytes: withBlanks(blanks), fileName: 'features.csv' });
  return e;
}

describe('issue 9: rows without a score are named with their empty cells', () => {
  it('an explained row and a background row with empty cells: MISSING_VALUE naming both, in German too', async () => {
    const e = await engine([[3, 'Amount'], [7, 'Age']]);
    const err = await e.call({ kind: 'explain', spec: { rows: [0, 1, 3], backgroundRows: [5, 7, 9] } }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(EngineError);
    const info = (err as EngineError).info;
    expect(info.code).toBe('MISSING_VALUE');
    expect(info.message).toContain('rows 3, 7 (counting from 0)');
    expect(info.message).toContain('Amount in row 3, Age in row 7');
    const de = errorDetail(info, 'de')!;
    expect(de.text).toContain('die Zeilen 3, 7 (gezählt ab 0)');
    expect(de.text).toContain('„Amount“ in Zeile 3, „Age“ in Zeile 7');
  });

  it('the same rows left out: the explanation runs and is efficient', async () => {
    const e = await engine([[3, 'Amount'], [7, 'Age']]);
    const r = await e.call({ kind: 'explain', spec: { rows: [0, 1], backgroundRows: [5, 9, 11] } });
    const ex = r.explanation;
    const n = ex.players.length;
    for (let i = 0; i < 2; i++) {
      let sum = ex.baseValue;
      for (let j = 0; j < n; j++) sum += ex.values[i * n + j];
      expect(Math.abs(sum - ex.predictions[i])).toBeLessThan(1e-9);
    }
  });
});

/** Issue 4, item 10: ranking view, each group's share of the selected against its share of all. */
import { describe, expect, it } from 'vitest';
import { sharesLayout } from '../../../../src/ui/fairness/shares.ts';

describe('sharesLayout', () => {
  const L = sharesLayout([
    { label: 'female', population: 0.31, selection: 0.21 },
    { label: 'male', population: 0.69, selection: 0.79 },
    { label: 'nobody', population: 0.2, selection: null },
  ]);

  it('bars start at 0 and end at the share', () => {
    for (const m of L.marks) {
      expect(m.population.x).toBe(L.x(0));
      expect(m.population.x + m.population.width).toBeCloseTo(L.x(m.datum.population), 9);
      if (m.selection) expect(m.selection.x + m.selection.width).toBeCloseTo(L.x(m.datum.selection!), 9);
    }
    expect(L.marks[0].selection!.width / L.marks[1].selection!.width).toBeCloseTo(0.21 / 0.79, 9);
  });

  it('the axis reaches the largest share; the selected bar sits below the population bar', () => {
    expect(L.x.domain()[1]).toBeGreaterThanOrEqual(0.79);
    expect(L.marks[0].selection!.y).toBeGreaterThan(L.marks[0].population.y);
    expect(L.marks[1].population.y).toBeGreaterThan(L.marks[0].selection!.y);
  });

  it('nobody selected: no selection bar', () => {
    expect(L.marks[2].selection).toBeNull();
  });
});

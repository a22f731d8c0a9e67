import { sampleInput } from '../../../test/fixtures/reports/report-input.js';
import { loaderContext } from './context.js';
import { yearOnYearPart } from './year-on-year.part.js';

describe('year on year', () => {
  it('compares with the previous year, action by action, with the trend of every year', async () => {
    const input = await sampleInput('en');
    const yoy = yearOnYearPart(loaderContext(input))!;
    expect(yoy.previousYear).toBe(2025);
    expect(yoy.trend.map((p) => p.year)).toEqual([2025, 2026]);
    expect(yoy.currentScore).toBe(input.results.overall.score);
    // 2026 kept laptops longer and bought refurbished: that action improved.
    const statuses = new Set(yoy.actions.map((a) => a.status));
    expect([...statuses].every((s) => ['improved', 'regressed', 'unchanged', 'new', 'unmatched'].includes(s))).toBe(true);
    expect(yoy.actions.some((a) => a.status === 'improved')).toBe(true);
    expect(yoy.notes).toEqual([]);
  });

  it('is absent the first year', async () => {
    expect(yearOnYearPart(loaderContext(await sampleInput('fr', { previous: false })))).toBeNull();
  });
});

import { sampleInput } from '../../../test/fixtures/reports/report-input.js';
import { loaderContext } from './context.js';
import { honestyPart } from './honesty.part.js';
import { summaryPart } from './summary.part.js';

const summaryOf = async (...args: Parameters<typeof sampleInput>) => {
  const ctx = loaderContext(await sampleInput(...args));
  return { summary: summaryPart(ctx, honestyPart(ctx)), input: ctx.input };
};

describe('the two-page summary', () => {
  it('gives the overall score with its change since last year, to one decimal', async () => {
    const { summary, input } = await summaryOf('fr');
    expect(summary.previousYear).toBe(2025);
    expect(summary.score).toBe(input.results.overall.score);
    const change = input.results.overall.score! - input.previous!.results.overall.score!;
    expect(summary.scoreChange).toBe(Math.round(change * 10) / 10);
  });

  it('shows every footprint criterion with last year’s value beside it', async () => {
    const { summary } = await summaryOf('en');
    expect(summary.footprint.map((f) => f.criterion)).toEqual(['climate', 'minerals', 'fossil', 'rawMaterial', 'water']);
    const climate = summary.footprint[0];
    expect(climate.previousValue).not.toBeNull();
    expect(climate.change).toBeCloseTo(climate.value! - climate.previousValue!, 6);
  });

  it('the first year: no change, and the 90 days start by naming owners', async () => {
    const { summary } = await summaryOf('fr', { previous: false, commitments: false });
    expect(summary.previousYear).toBeNull();
    expect(summary.scoreChange).toBeNull();
    expect(summary.ninetyDays.map((d) => d.label)).toEqual(['Jours 1 à 30', 'Jours 31 à 60', 'Jours 61 à 90']);
    expect(summary.ninetyDays[0].items[0]).toMatch(/^Nommer un porteur et fixer une échéance pour les actions n° 1, 2/);
  });

  it('asks first to confirm the carried-over answers', async () => {
    const { summary } = await summaryOf('en', { carried: 3 });
    expect(summary.ninetyDays[0].items[0]).toBe('Have the 3 answers carried over from 2025 reviewed and confirmed.');
    expect(summary.thisYear.length).toBeGreaterThanOrEqual(3);
    expect(summary.thisYear.length).toBeLessThanOrEqual(5);
  });
});

import { sampleInput } from '../../../test/fixtures/reports/report-input.js';
import { loaderContext } from './context.js';
import { footprintPart } from './footprint.part.js';

describe('the footprint annex', () => {
  it('gives every criterion its total and range, and every device its impacts', async () => {
    const input = await sampleInput('en');
    const fp = footprintPart(loaderContext(input));
    expect(Object.keys(fp.totals)).toEqual(['climate', 'minerals', 'fossil', 'rawMaterial', 'water']);
    expect(fp.totals.climate.total).toBe(input.results.footprint.totals.climate.total);
    expect(fp.totalRanges.climate.low).toBeLessThanOrEqual(fp.totals.climate.total!);
    expect(fp.totalRanges.climate.high).toBeGreaterThanOrEqual(fp.totals.climate.total!);
    expect(fp.devices.map((d) => d.deviceType)).toEqual(input.results.footprint.devices.map((d) => d.device));
  });

  it('names what is not estimated, criterion by criterion, and why', async () => {
    const fp = footprintPart(loaderContext(await sampleInput('fr')));
    const water = fp.notEstimated.find((n) => n.subject.startsWith('Eau (indicateur ADEME, fabrication), Usage'));
    expect(water?.reason).toBe('pas de facteur ouvert pour l’eau de l’électricité');
    for (const n of fp.notEstimated.filter((x) => x !== water)) expect(n.reason).toBe('pas de valeur dans les données de référence');
  });
});

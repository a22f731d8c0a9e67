import { computeFootprint, computeSavings, inventoryFromAnswers, loadFootprintFactors } from '../footprint/index.js';
import type { Action } from '../questionnaires/template.types.js';
import { combineSaving } from '../scoring/index.js';
import { savingsByAction } from './lever-savings.js';

const factors = loadFootprintFactors();
const action = (id: string, lever?: Action['lever']): Action =>
  ({ id, kind: lever ? 'lever' : 'foundation', ...(lever ? { lever } : {}) }) as unknown as Action;
const ACTIONS = [action('extend-lifespan', 'lifespan'), action('fewer-smaller-screens', 'fewer_screens'), action('raise-awareness')];

describe('the savings adapter (footprint -> scoring)', () => {
  it('hands every criterion of a lever with the organisation total and the footprint unit', () => {
    const inventory = inventoryFromAnswers({
      'organisation.country': 'FR',
      'inventory.laptop.count': 100,
      'inventory.laptop.lifespan_years': 4,
    });
    const footprint = computeFootprint(inventory, factors);
    const savings = computeSavings(inventory, factors, footprint);
    const byAction = savingsByAction(ACTIONS, savings, footprint);
    const lifespan = savings.find((s) => s.lever === 'lifespan')!;
    expect(Object.keys(byAction).sort()).toEqual(['extend-lifespan', 'fewer-smaller-screens']);
    const input = byAction['extend-lifespan'];
    expect(input.climateKgCo2ePerYear).toBe(lifespan.climateKgCo2ePerYear);
    for (const c of input.criteria!) {
      expect(c.unit).toBe(footprint.units[c.criterion as keyof typeof footprint.units]);
      expect(c.total).toBe(footprint.totals[c.criterion as keyof typeof footprint.totals].total);
      expect(c.saving).toBe(lifespan.perCriterion![c.criterion as keyof typeof lifespan.perCriterion]);
    }
    // climate, minerals and fossil resources combine; raw material and litres of water do not
    expect(
      combineSaving(input.criteria)
        .criteria.map((c) => c.criterion)
        .sort(),
    ).toEqual(['climate', 'fossil', 'minerals']);
  });

  it('passes on why a lever could not be quantified', () => {
    const inventory = inventoryFromAnswers({ 'inventory.laptop.count': 3 });
    const footprint = computeFootprint(inventory, factors);
    const byAction = savingsByAction(ACTIONS, computeSavings(inventory, factors, footprint), footprint);
    expect(byAction['fewer-smaller-screens']).toMatchObject({
      climateKgCo2ePerYear: null,
      notQuantified: { en: expect.stringContaining('no screen to remove') },
    });
    expect(byAction['fewer-smaller-screens'].criteria).toBeUndefined();
  });
});

import { sampleInput } from '../../../test/fixtures/reports/report-input.js';
import { loaderContext } from './context.js';
import { actionPlanPart } from './plan.part.js';

describe('the plan on one page', () => {
  it('lists every planned action once, in rank order within its group, groups in the report’s order', async () => {
    const input = await sampleInput('fr');
    const plan = actionPlanPart(loaderContext(input));
    expect(plan.groups.map((g) => g.group)).toEqual(['this_year', 'next', 'keep_up', 'unknown']);
    const ids = plan.groups.flatMap((g) => g.items.map((i) => i.actionId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const g of plan.groups) {
      const ranks = g.items.map((i) => i.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    expect(plan.groups[0].items.length).toBeGreaterThanOrEqual(1);
    expect(plan.groups[0].items.length).toBeLessThanOrEqual(5);
  });

  it('names the committed owner and due date once adopted, else the suggested role', async () => {
    const plan = actionPlanPart(loaderContext(await sampleInput('fr')));
    const [first, second, third] = plan.groups[0].items;
    expect(first.owner).toEqual({ name: 'dsi@pays-basque.example', source: 'commitment' });
    expect(first.due).toBe('T2 2027');
    expect(first.commitmentStatus).toBe('En cours');
    expect(second.owner.source).toBe('commitment');
    expect(third.owner.source).toBe('suggested');
    expect(third.owner.name).toBe(third.ownerRoleLabel);
    expect(third.commitmentStatus).toBeNull();
  });

  it('gives each item its effort in words and, for a quantified lever, its saving', async () => {
    const plan = actionPlanPart(loaderContext(await sampleInput('en')));
    const items = plan.groups.flatMap((g) => g.items);
    for (const item of items) expect(['Low', 'Medium', 'High']).toContain(item.effortLabel);
    const quantified = items.filter((i) => i.saving);
    expect(quantified.length).toBeGreaterThan(0);
    for (const i of quantified) expect(i.expectedSavingText).toMatch(/^≈ .+ kg CO₂e avoided a year/);
  });
});

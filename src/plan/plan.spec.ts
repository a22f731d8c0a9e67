import fc from 'fast-check';
import { daysBetween, defaultTimeZone, dueText, isCalendarDay, isOverdue, isTimeZone, parseDue, quarterEnd, todayIn } from './dates.js';
import { planGroupOf, topPriorities } from './groups.js';
import { indicatorBaseline, MEASURED_ACTIONS } from './indicators.js';
import { committedVsDone, footprintFigure, footprintMove, maturityMove, type FootprintForProgress } from './progress.js';
import { COMMITMENT_STATUSES } from './plan.types.js';

describe('due dates', () => {
  it('reads a day or a quarter, due on its last day', () => {
    expect(parseDue('2027-03-31')).toEqual({ kind: 'date', date: '2027-03-31' });
    expect(parseDue('2027-Q1')).toEqual({ kind: 'quarter', date: '2027-03-31' });
    expect(parseDue('2027-q2')).toEqual({ kind: 'quarter', date: '2027-06-30' });
    expect(parseDue('2027-Q3')).toEqual({ kind: 'quarter', date: '2027-09-30' });
    expect(parseDue('2027-Q4')).toEqual({ kind: 'quarter', date: '2027-12-31' });
    expect(parseDue('2028-02-29')).toEqual({ kind: 'date', date: '2028-02-29' });
    for (const bad of ['2027-02-29', '2027-04-31', '2027-13-01', '2027-Q5', '2027-Q0', '1999-12-31', '2101-Q1', '27-03-31', '', 'soon']) {
      expect([bad, parseDue(bad)]).toEqual([bad, null]);
    }
  });

  it('writes a due back as it was entered', () => {
    expect(dueText('quarter', '2027-06-30')).toBe('2027-Q2');
    expect(dueText('date', '2027-06-30')).toBe('2027-06-30');
  });

  it('a quarter ends on a real calendar day, the last of its third month, and round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, (year, q) => {
        const end = quarterEnd(year, q);
        expect(isCalendarDay(end)).toBe(true);
        const next = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000);
        expect(next.getUTCDate()).toBe(1);
        expect(next.getUTCMonth()).toBe((q * 3) % 12);
        expect(parseDue(dueText('quarter', end))).toEqual({ kind: 'quarter', date: end });
      }),
    );
  });

  it("reads today in the organisation's time zone, not the server's", () => {
    // 23:30 UTC on 31 March: already 1 April in Paris (UTC+2 in summer time), still 31 March in Montreal.
    const now = new Date('2027-03-31T23:30:00Z');
    expect(todayIn('Europe/Paris', now)).toBe('2027-04-01');
    expect(todayIn('America/Montreal', now)).toBe('2027-03-31');
    expect(todayIn('UTC', now)).toBe('2027-03-31');
    // So a commitment due on 31 March is overdue in Paris, not yet in Montreal.
    const due = { dueDate: '2027-03-31', status: 'in_progress' as const };
    expect(isOverdue(due, todayIn('Europe/Paris', now))).toBe(true);
    expect(isOverdue(due, todayIn('America/Montreal', now))).toBe(false);
  });

  it('only open commitments with a passed due day are overdue', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: -400, max: 400 }),
        fc.constantFrom(...COMMITMENT_STATUSES),
        (d, offset, status) => {
          const today = d.toISOString().slice(0, 10);
          const due = new Date(d.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
          expect(daysBetween(due, today)).toBe(-offset || 0);
          const open = status === 'not_started' || status === 'in_progress';
          expect(isOverdue({ dueDate: due, status }, today)).toBe(open && offset < 0);
          expect(isOverdue({ dueDate: null, status }, today)).toBe(false);
        },
      ),
    );
  });

  it('gives an organisation a time zone from its country until an owner sets one', () => {
    expect(defaultTimeZone('FR')).toBe('Europe/Paris');
    expect(defaultTimeZone('be')).toBe('Europe/Brussels');
    expect(defaultTimeZone(null)).toBe('Europe/Paris');
    expect(defaultTimeZone('ZZ')).toBe('UTC');
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(42)).toBe(false);
  });
});

describe('the top five', () => {
  it('are the first five ranked priorities, the unknown ones left out', () => {
    const p = (rank: number, group: string) => ({ rank, group, actionId: `a${rank}` });
    const priorities = [
      p(3, 'structural'),
      p(1, 'quick_win'),
      p(2, 'quick_win'),
      p(4, 'keep_up'),
      p(5, 'structural'),
      p(6, 'structural'),
      p(7, 'unknown'),
    ];
    expect(topPriorities(priorities).map((x) => x.actionId)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(topPriorities([p(1, 'unknown'), p(2, 'quick_win')]).map((x) => x.actionId)).toEqual(['a2']);
    // scoring-2: the "this year" group only, even when it holds fewer than five.
    expect(topPriorities([p(1, 'this_year'), p(2, 'this_year'), p(3, 'next'), p(4, 'next')]).map((x) => x.actionId)).toEqual(['a1', 'a2']);
    expect(planGroupOf({ group: 'quick_win' })).toBe('quick_win');
  });
});

describe('indicator baselines from the answers', () => {
  it('works reference cases by hand', () => {
    // Laptops kept 4 years: the answer itself.
    expect(indicatorBaseline('extend-lifespan', { 'inventory.laptop.lifespan_years': 4 })).toMatchObject({ value: 4, source: 'answers' });
    // 100 laptops 10 % refurbished + 50 smartphones 40 % + 0 desktops: (10 + 20) / 150 = 20 %.
    expect(
      indicatorBaseline('buy-refurbished', {
        'inventory.laptop.count': 100,
        'inventory.laptop.refurbished_share': 10,
        'inventory.smartphone.count': 50,
        'inventory.smartphone.refurbished_share': 40,
        'inventory.desktop.count': 0,
        'inventory.desktop.refurbished_share': 90,
      }),
    ).toMatchObject({ value: 20 });
    // 120 laptops + 150 monitors + 60 smartphones for 100 employees: 3.3 devices each.
    expect(
      indicatorBaseline('limit-equipment-quantity', {
        'organisation.employees': 100,
        'inventory.laptop.count': 120,
        'inventory.monitor.count': 150,
        'inventory.smartphone.count': 60,
      }),
    ).toMatchObject({
      value: 3.3,
      questionIds: ['organisation.employees', 'inventory.laptop.count', 'inventory.monitor.count', 'inventory.smartphone.count'],
    });
    // 150 monitors + 6 meeting-room screens for 80 employees: 156 / 80 = 1.95.
    expect(
      indicatorBaseline('fewer-smaller-screens', {
        'organisation.employees': 80,
        'inventory.monitor.count': 150,
        'inventory.meeting_screen.count': 6,
      }),
    ).toMatchObject({ value: 1.95 });
    expect(indicatorBaseline('ecodesign-hardware-warranty', { 'procurement.warranty_length': 'four_years' })).toMatchObject({ value: 4 });
    expect(
      indicatorBaseline('measure-multicriteria-footprint', {
        'measurement.measures_footprint': true,
        'measurement.criteria': ['climate', 'water'],
        'measurement.scopes': ['user_devices'],
      }),
    ).toMatchObject({ value: 2, detail: { en: 'scopes covered: 1 of 4' } });
    // Energy and e-waste (options of version 1) are flows, not impact categories: not counted.
    expect(
      indicatorBaseline('measure-multicriteria-footprint', {
        'measurement.measures_footprint': true,
        'measurement.criteria': ['climate', 'energy', 'e_waste'],
        'measurement.scopes': ['user_devices'],
      }),
    ).toMatchObject({ value: 1, unit: { en: 'impact categories' } });
    // "Per person" names the person after the kind of organisation (questionnaire version 2).
    const perAgent = indicatorBaseline('limit-equipment-quantity', {
      'organisation.kind': 'public_body',
      'organisation.employees': 10,
      'inventory.laptop.count': 12,
    });
    expect(perAgent).toMatchObject({ value: 1.2, unit: { fr: 'appareils par agent', en: 'devices per agent' } });
    expect(indicatorBaseline('limit-equipment-quantity', { 'organisation.employees': 10, 'inventory.laptop.count': 12 })!.unit.en).toBe(
      'devices per person',
    );
    // Not measuring is a true zero; not answering is not.
    expect(indicatorBaseline('measure-multicriteria-footprint', { 'measurement.measures_footprint': false })).toMatchObject({ value: 0 });
  });

  it('gives no baseline (never 0) when the answers do not measure the indicator', () => {
    for (const id of MEASURED_ACTIONS.filter((a) => a !== 'measure-multicriteria-footprint'))
      expect([id, indicatorBaseline(id, {})]).toEqual([id, null]);
    expect(indicatorBaseline('measure-multicriteria-footprint', {})).toBeNull();
    expect(indicatorBaseline('switch-off-equipment', { 'usage.switch_off_policy': 'left_on' })).toBeNull();
    // "Legal warranty (1 to 2 years)" is a range: no single figure.
    expect(indicatorBaseline('ecodesign-hardware-warranty', { 'procurement.warranty_length': 'legal_minimum' })).toBeNull();
    expect(indicatorBaseline('limit-equipment-quantity', { 'inventory.laptop.count': 10 })).toBeNull();
    expect(indicatorBaseline('buy-refurbished', { 'inventory.laptop.count': 0, 'inventory.laptop.refurbished_share': 50 })).toBeNull();
  });

  it('a refurbished baseline is a share between the lowest and highest device share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 3 }),
        (devices) => {
          const answers: Record<string, number> = {};
          devices.forEach(([count, share], i) => {
            const d = ['laptop', 'desktop', 'smartphone'][i];
            answers[`inventory.${d}.count`] = count;
            answers[`inventory.${d}.refurbished_share`] = share;
          });
          const b = indicatorBaseline('buy-refurbished', answers)!;
          const shares = devices.map(([, s]) => s);
          expect(b.value).toBeGreaterThanOrEqual(Math.min(...shares) - 0.05);
          expect(b.value).toBeLessThanOrEqual(Math.max(...shares) + 0.05);
        },
      ),
    );
  });
});

describe('committed vs done', () => {
  const laptops = (count: number, lifespan: number, usePerDevice = 1.2): FootprintForProgress => {
    const embodied = (count * 185.09) / lifespan;
    const use = count * usePerDevice;
    return {
      devices: [{ device: 'laptop', count, perCriterion: { climate: { embodied, use, total: embodied + use } } }],
      totals: { climate: { embodied, use, total: embodied + use } },
    };
  };

  it('judges maturity: up by a point or more is as expected', () => {
    expect(maturityMove(33, 67)).toEqual({ previous: 33, current: 67, delta: 34, verdict: 'as_expected' });
    expect(maturityMove(50, 50.5).verdict).toBe('unchanged');
    expect(maturityMove(50, 48).verdict).toBe('opposite');
    expect(maturityMove(null, 50)).toEqual({ previous: null, current: 50, delta: null, verdict: 'unknown' });
  });

  it('judges the footprint figure per device, so a growing fleet does not hide a longer lifespan', () => {
    // 100 laptops kept 3 years: 185.09 / 3 = 61.697 kg CO2e per laptop a year. The next year, 150
    // laptops kept 5 years: 185.09 / 5 = 37.018. In total: 100 x 61.697 = 6,170 kg, then
    // 150 x 37.018 = 5,553 kg (-10 %); per device: (37.018 - 61.697) / 61.697 = -40.0 %: as expected.
    const move = footprintMove('lifespan', laptops(100, 3), laptops(150, 5));
    expect(move.previous).toBeCloseTo(61.697, 3);
    expect(move.current).toBeCloseTo(37.018, 3);
    expect(move.deltaPercent).toBe(-40);
    expect(move.verdict).toBe('as_expected');
    expect(footprintMove('lifespan', laptops(100, 5), laptops(100, 3)).verdict).toBe('opposite');
    expect(footprintMove('switch_off', laptops(100, 4, 1.2), laptops(100, 4, 1.2)).verdict).toBe('unchanged');
    expect(footprintMove('refurbished', null, laptops(100, 4))).toMatchObject({ previous: null, verdict: 'not_estimated' });
    // No screen in the fleet: the screens' figure is not estimated, never 0.
    expect(footprintFigure('fewer_screens', laptops(100, 4))).toBeNull();
  });

  it('a falling figure is as expected, a rising one is the other way, whatever the fleet', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        (count, l1, l2) => {
          const v = footprintMove('lifespan', laptops(count, l1), laptops(count, l2)).verdict;
          expect(v).toBe(l2 > l1 ? 'as_expected' : l2 < l1 ? 'opposite' : 'unchanged');
        },
      ),
    );
  });

  it('counts the statuses, lists done first, and says how many done actions moved', () => {
    const t = (en: string) => ({ fr: en, en });
    const cvd = committedVsDone(
      [
        {
          id: '1',
          actionId: 'raise-awareness',
          title: t('Raise awareness'),
          lever: null,
          status: 'dropped',
          dropReason: 'budget',
          carriedIntoId: null,
        },
        {
          id: '2',
          actionId: 'buy-refurbished',
          title: t('Buy refurbished'),
          lever: 'refurbished',
          status: 'in_progress',
          dropReason: null,
          carriedIntoId: 'x',
        },
        {
          id: '3',
          actionId: 'extend-lifespan',
          title: t('Keep longer'),
          lever: 'lifespan',
          status: 'done',
          dropReason: null,
          carriedIntoId: null,
        },
        {
          id: '4',
          actionId: 'de-digitalise',
          title: t('De-digitalise'),
          lever: null,
          status: 'done',
          dropReason: null,
          carriedIntoId: null,
        },
      ],
      {
        assessmentId: 'a',
        year: 2025,
        actions: [
          { id: 'extend-lifespan', maturity: 20 },
          { id: 'de-digitalise', maturity: 40 },
        ],
        footprint: laptops(10, 3),
      },
      {
        assessmentId: 'b',
        year: 2026,
        actions: [
          { id: 'extend-lifespan', maturity: 60 },
          { id: 'de-digitalise', maturity: 40 },
        ],
        footprint: laptops(10, 5),
      },
    );
    expect(cvd.counts).toEqual({ committed: 4, done: 2, inProgress: 1, notStarted: 0, dropped: 1, carried: 1 });
    expect(cvd.items.map((i) => i.status)).toEqual(['done', 'done', 'in_progress', 'dropped']);
    expect(cvd.doneMoved).toEqual({ maturityAsExpected: 1, footprintAsExpected: 1, footprintMeasurable: 1 });
    expect(cvd.items.find((i) => i.actionId === 'de-digitalise')).toMatchObject({ footprint: null, maturity: { verdict: 'unchanged' } });
  });
});

describe('the pure core of the plan', () => {
  it.each(['dates.ts', 'groups.ts', 'indicators.ts', 'progress.ts', 'plan.types.ts'])(
    '%s imports no Nest, TypeORM or I/O',
    async (file) => {
      const { readFileSync } = await import('node:fs');
      const source = readFileSync(`src/plan/${file}`, 'utf8');
      for (const m of source.matchAll(/\bfrom\s+['"]([^'"]+)['"]/g)) {
        expect(m[1]).toMatch(/^\.\.?\/.*\.js$/);
        expect(m[1]).not.toMatch(/(assessments|accounts|database|common|web|entity)/);
      }
    },
  );
});

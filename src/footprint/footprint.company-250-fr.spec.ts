/**
 * The reference 250-staff company of the priorities work (test/fixtures/organisations/company-250-fr.json,
 * the answer file test/priorities.e2e-spec.ts gives through the API), its footprint and its four levers
 * worked out BY HAND from templates/footprint-factors.json (version 2). The inventory is built the way
 * the results are (src/results/full-results.ts: the visible answers, inventoryFromAnswers, computeFootprint,
 * computeSavings), by running computeFullResults itself on the file's answers.
 *
 * The inventory the file answers (France, 250 employees, a company):
 *   240 laptops kept 3 years, 0 % refurbished; 20 desktops kept 5 years, 0 %; 300 monitors (lifespan not
 *   asked: default); 200 smartphones kept 2.5 years, 0 %; 15 tablets and 14 meeting-room screens (lifespan
 *   and refurbished share not answered: defaults, 0 %); 6 servers (default lifespan, default PUE).
 *   No printer, box, switch or cloud answered: not inventoried, not estimated.
 *   Switching off: usage.switch_off_policy = "guidance"; usage.meeting_room_standby = false.
 *
 * Factors-file rows used throughout (templates/footprint-factors.json):
 *   profile.workingDaysPerYear = 220 [P]; profile.hoursPerYear = 8,760 [P]
 *   electricity.carbon.FR.kgCo2ePerKwh = 0.0461 [E_FR, ADEME Base Empreinte 2025];
 *     its alternative, Ember 2024 [E_EMBER] = 0.044179085, is the low end; 0.0461 is also the high end
 *   electricity.resources.FR.mineralsKgSbEqPerKwh = 4.85798e-8 [E_RES]
 *   power.standby of computers, monitors and meeting-room screens: 2 W, low 0.5 W [EU_STANDBY]
 *   power.off of the same: 0.5 W, low 0 W [EU_STANDBY]
 *   usePolicies.workstation.answers.guidance: central {off 0.5, standby 0.5}, low {off 1}, high {off 0.5, on 0.5}
 *   usePolicies.meeting_room.answers.false: central {standby 1}, low {standby 1}, high {on 1}
 *
 * Working devices (laptop, desktop, monitor): 8 h x 220 days = 1,760 active hours; 8,760 - 1,760 = 7,000 other hours.
 * With "guidance", per device and year:
 *   central kWh = (P x 1,760 + 7,000 x (0.5 x 2 W + 0.5 x 0.5 W)) / 1000 = (P x 1,760 + 8,750) / 1000
 *   low kWh     = (P_low x 1,760 + 7,000 x 1 x 0 W) / 1000 = P_low x 1.76
 *   high kWh    = (P_high x 1,760 + 7,000 x (0.5 x 0.5 W + 0.5 x P_high)) / 1000
 *
 * Every figure below was computed by hand (long multiplication, written out where it is not obvious);
 * none is a copy of the program's output.
 */
import { readFileSync } from 'node:fs';
import { loadTemplates } from '../questionnaires/template-loader.js';
import type { AnswerValue } from '../questionnaires/template.types.js';
import { computeFullResults, visibleOnly, type FullResults } from '../results/full-results.js';
import { loadFootprintFactors } from './footprint-factors.loader.js';
import { inventoryFromAnswers } from './footprint.js';
import type { DeviceFootprint, FootprintItem, FootprintLever, LeverSaving } from './footprint.types.js';

const FIXTURE = 'test/fixtures/organisations/company-250-fr.json';
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { year: number; answers: Record<string, AnswerValue> };

/** Relative closeness (1e-9), so that figures in kg Sb eq are checked as strictly as those in kg CO2e. */
function expectClose(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const diff = Math.abs((actual as number) - expected);
  if (diff > 1e-9 * Math.abs(expected) + 1e-12) throw new Error(`expected ${expected}, got ${String(actual)}`);
}

/** Yearly climate figures of one device type: embodied and use, central, low and high; kWh central, low, high. */
interface Climate {
  embodied: [number, number, number];
  use: [number, number, number];
  kWh: [number, number, number];
}

function expectClimate(d: DeviceFootprint, hand: Climate): void {
  const p = d.perCriterion.climate;
  expectClose(p.embodied, hand.embodied[0]);
  expectClose(p.low.embodied, hand.embodied[1]);
  expectClose(p.high.embodied, hand.embodied[2]);
  expectClose(p.use, hand.use[0]);
  expectClose(p.low.use, hand.use[1]);
  expectClose(p.high.use, hand.use[2]);
  expectClose(d.kWhPerYear, hand.kWh[0]);
  expectClose(d.use?.kWhLow, hand.kWh[1]);
  expectClose(d.use?.kWhHigh, hand.kWh[2]);
  expectClose(p.total, hand.embodied[0] + hand.use[0]);
}

describe('the 250-staff company of the priorities fixtures (company-250-fr.json), worked by hand', () => {
  let results: FullResults;
  let visible: Record<string, AnswerValue>;
  const device = (type: FootprintItem): DeviceFootprint => {
    const d = results.footprint.devices.find((x) => x.device === type);
    if (d === undefined) throw new Error(`${type} missing from the result`);
    return d;
  };
  const lever = (name: FootprintLever): LeverSaving => {
    const s = results.savings.find((x) => x.lever === name);
    if (s === undefined || !s.applicable || s.perCriterion === null || s.range === null) throw new Error(`${name} not quantified`);
    return s;
  };

  beforeAll(async () => {
    const content = await loadTemplates('templates');
    const template = content.questionnaires.filter((q) => q.id === 'fresque-numerique').at(-1);
    if (template === undefined) throw new Error('no fresque-numerique questionnaire');
    results = computeFullResults({
      assessment: {
        id: 'company-250-fr',
        year: fixture.year,
        status: 'draft',
        questionnaireId: template.id,
        templateVersion: template.version,
      },
      template,
      actions: content.actions.actions,
      values: fixture.answers,
      factors: loadFootprintFactors(),
    });
    visible = visibleOnly(template, fixture.answers);
  });

  it('reads the inventory of the file: seven device types, France, 250 employees of a company', () => {
    // Every inventory answer of the file is shown (each count is at least 1), so none is dropped on the way.
    const inventoryIds = Object.keys(fixture.answers).filter((id) => id.startsWith('inventory.') || id.startsWith('organisation.'));
    // 3 organisation answers; inventory: laptop, desktop and smartphone 3 each (count, lifespan, share), 4 other counts = 13
    expect(inventoryIds).toHaveLength(16);
    expect(Object.keys(visible)).toEqual(expect.arrayContaining(inventoryIds));
    const inventory = inventoryFromAnswers(visible);
    expect(inventory.country).toBe('FR');
    expect(inventory.employees).toBe(250);
    expect(inventory.policies).toEqual({ workstation: 'guidance', meeting_room: 'false' });
    expect(results.footprint.factorsVersion).toBe(2);
    expect(results.footprint.devices.map((d) => [d.device, d.count, d.lifespanYears, d.lifespanSource])).toEqual([
      ['laptop', 240, 3, 'answered'],
      ['desktop', 20, 5, 'answered'],
      ['monitor', 300, 6, 'default'],
      ['smartphone', 200, 2.5, 'answered'],
      ['tablet', 15, 3, 'default'],
      ['meeting_screen', 14, 8, 'default'],
      ['server', 6, 5, 'default'],
    ]);
    expect(results.footprint.devices.every((d) => d.refurbishedShare === 0 && d.embodiedFactor === 1)).toBe(true);
    expect(results.footprint.notInventoried).toEqual(['printer', 'network_box', 'network_switch']);
  });

  it('240 laptops kept 3 years, guidance only on switching off', () => {
    // Embodied, devices.laptop.embodied.climate = 185.09 kg [A] (manufacturing 170 + distribution 12.3 + end of life 2.79),
    //   alternative 181 kg [B] (line 3, Laptop,pro) = the low end; high end 185.09.
    //   240 x 185.09 / 3 = 80 x 185.09 = 14,807.2 kg CO2e; low 80 x 181 = 14,480; high 14,807.2
    // Use, devices.laptop.power.active = 26.5 W [A] (no range): 26.5 x 1,760 = 46,640 Wh active
    //   central (46,640 + 8,750) / 1000 = 55.39 kWh; x 240 = 13,293.6 kWh
    //   low     46,640 / 1000 = 46.64 kWh; x 240 = 11,193.6 kWh
    //   high    (46,640 + 7,000 x (0.25 + 13.25)) / 1000 = (46,640 + 94,500) / 1000 = 141.14 kWh; x 240 = 33,873.6 kWh
    //   climate central 13,293.6 x 0.0461 = 531.744 + 79.7616 + 1.32936 = 612.83496 kg CO2e
    //   low 11,193.6 x 0.044179085 = 447.744 + 44.7744 + 2.004605856 = 494.523005856
    //   high 33,873.6 x 0.0461 = 1,354.944 + 203.2416 + 3.38736 = 1,561.57296
    expectClimate(device('laptop'), {
      embodied: [14807.2, 14480, 14807.2],
      use: [612.83496, 494.523005856, 1561.57296],
      kWh: [13293.6, 11193.6, 33873.6],
    });
    expect(device('laptop').use?.hours).toEqual({ active: 1760, on: 0, standby: 3500, off: 3500 });
  });

  it('20 desktops kept 5 years', () => {
    // Embodied, devices.desktop.embodied.climate = 211.46 kg [A] (203 + 1.85 + 6.61), alternative 277 kg [B]
    //   (line 7, Desktop,pro) = the high end: 20 x 211.46 / 5 = 4 x 211.46 = 845.84 kg CO2e; low 845.84; high 4 x 277 = 1,108
    // Use, devices.desktop.power.active = 70 W [A]: 70 x 1,760 = 123,200 Wh active
    //   central (123,200 + 8,750) / 1000 = 131.95 kWh; x 20 = 2,639 kWh
    //   low     123.2 kWh; x 20 = 2,464 kWh
    //   high    (123,200 + 7,000 x (0.25 + 35)) / 1000 = (123,200 + 246,750) / 1000 = 369.95 kWh; x 20 = 7,399 kWh
    //   climate 2,639 x 0.0461 = 105.56 + 15.834 + 0.2639 = 121.6579
    //   low 2,464 x 0.044179085 = 98.56 + 9.856 + 0.44126544 = 108.85726544
    //   high 7,399 x 0.0461 = 295.96 + 44.394 + 0.7399 = 341.0939
    expectClimate(device('desktop'), {
      embodied: [845.84, 845.84, 1108],
      use: [121.6579, 108.85726544, 341.0939],
      kWh: [2639, 2464, 7399],
    });
  });

  it('300 monitors, default lifespan 6 years, 20 W (15-25 W)', () => {
    // Embodied, devices.monitor.embodied.climate = 69.84 kg [A] (64.6 + 1.29 + 3.95), alternative 64.7 kg [B]
    //   (line 8, Monitor) = the low end; defaultLifespanYears 6 [A]:
    //   300 x 69.84 / 6 = 50 x 69.84 = 3,492 kg CO2e; low 50 x 64.7 = 3,235; high 3,492
    // Use, devices.monitor.power.active = 20 W, low 15, high 25 [EU_LABEL]
    //   central (20 x 1,760 + 8,750) / 1000 = (35,200 + 8,750) / 1000 = 43.95 kWh; x 300 = 13,185 kWh
    //   low     15 x 1.76 = 26.4 kWh; x 300 = 7,920 kWh
    //   high    (25 x 1,760 + 7,000 x (0.25 + 12.5)) / 1000 = (44,000 + 89,250) / 1000 = 133.25 kWh; x 300 = 39,975 kWh
    //   climate 13,185 x 0.0461 = 527.4 + 79.11 + 1.3185 = 607.8285
    //   low 7,920 x 0.044179085 = 316.8 + 31.68 + 1.4183532 = 349.8983532
    //   high 39,975 x 0.0461 = 1,599 + 239.85 + 3.9975 = 1,842.8475
    expectClimate(device('monitor'), {
      embodied: [3492, 3235, 3492],
      use: [607.8285, 349.8983532, 1842.8475],
      kWh: [13185, 7920, 39975],
    });
  });

  it('200 smartphones kept 2.5 years (battery: active hours only)', () => {
    // Embodied, devices.smartphone.embodied.climate = 79.516 kg [A] (77 + 2.27 + 0.246), alternative 84 kg [B]
    //   (line 5, Smartphone) = the high end: 200 x 79.516 / 2.5 = 80 x 79.516 = 6,361.28 kg CO2e; low 6,361.28; high 80 x 84 = 6,720
    // Use, devices.smartphone.power.active = 4.5 W [A], activeHoursPerDay 3 h [P]: 3 x 220 = 660 h
    //   200 x 4.5 x 660 / 1000 = 200 x 2.97 = 594 kWh (no power range: low = high = 594)
    //   climate 594 x 0.0461 = 23.76 + 3.564 + 0.0594 = 27.3834; low 594 x 0.044179085 = 23.76 + 2.376 + 0.10637649 = 26.24237649
    expectClimate(device('smartphone'), {
      embodied: [6361.28, 6361.28, 6720],
      use: [27.3834, 26.24237649, 27.3834],
      kWh: [594, 594, 594],
    });
  });

  it('15 tablets, default lifespan 3 years', () => {
    // Embodied, devices.tablet.embodied.climate = 84.294 kg [A] (80.5 + 3.43 + 0.364), alternative 75.9 kg [B]
    //   (line 4, Tablet) = the low end; defaultLifespanYears 3 [A]: 15 x 84.294 / 3 = 5 x 84.294 = 421.47; low 5 x 75.9 = 379.5
    // Use, devices.tablet.power.active = 20 W [A], 3 h x 220 = 660 h [P]: 15 x 20 x 660 / 1000 = 15 x 13.2 = 198 kWh
    //   climate 198 x 0.0461 = 9.1278; low 198 x 0.044179085 = 7.92 + 0.792 + 0.03545883 = 8.74745883
    expectClimate(device('tablet'), {
      embodied: [421.47, 379.5, 421.47],
      use: [9.1278, 8.74745883, 9.1278],
      kWh: [198, 198, 198],
    });
  });

  it('14 meeting-room screens, default 8 years, no automatic switch-off', () => {
    // Embodied, devices.meeting_screen.embodied.climate = 152 kg [B] (line 10, Television,pro; one source, no range),
    //   defaultLifespanYears 8 [A]: 14 x 152 / 8 = 1.75 x 152 = 266 kg CO2e
    // Use, power.active 65 W [A], 2 h x 220 = 440 active hours [P]; 8,760 - 440 = 8,320 other hours; answer "false":
    //   central asleep at 2 W: (65 x 440 + 2 x 8,320) / 1000 = (28,600 + 16,640) / 1000 = 45.24 kWh; x 14 = 633.36 kWh
    //   low asleep at 0.5 W:   (28,600 + 4,160) / 1000 = 32.76 kWh; x 14 = 458.64 kWh
    //   high left on at 65 W:  (28,600 + 540,800) / 1000 = 569.4 kWh; x 14 = 7,971.6 kWh
    //   climate 633.36 x 0.0461 = 25.3344 + 3.80016 + 0.063336 = 29.197896
    //   low 458.64 x 0.044179085 = 18.3456 + 1.83456 + 0.0821355444 = 20.2622955444
    //   high 7,971.6 x 0.0461 = 318.864 + 47.8296 + 0.79716 = 367.49076
    expectClimate(device('meeting_screen'), {
      embodied: [266, 266, 266],
      use: [29.197896, 20.2622955444, 367.49076],
      kWh: [633.36, 458.64, 7971.6],
    });
  });

  it('6 on-premises servers, default 5 years, 367 W x PUE 1.8 all year', () => {
    // Embodied, devices.server.embodied.climate = 3,660 kg [B] (line 15, Server; one source), defaultLifespanYears 5 [C]:
    //   6 x 3,660 / 5 = 4,392 kg CO2e
    // Use, power.active 367 W [C] (alternative 203.52 W [CCF] = the low end), pue 1.8 (low 1.5, high 2.1) [PUE_LBNL], 8,760 h:
    //   central 367 x 8,760 = 3,214,920 Wh; x 1.8 = 5,786,856 Wh = 5,786.856 kWh; x 6 = 34,721.136 kWh
    //   low     203.52 x 8,760 = 1,782,835.2; x 1.5 = 2,674,252.8 Wh = 2,674.2528 kWh; x 6 = 16,045.5168 kWh
    //   high    3,214,920 x 2.1 = 6,751,332 Wh = 6,751.332 kWh; x 6 = 40,507.992 kWh
    //   climate 34,721.136 x 0.0461 = 1,388.84544 + 208.326816 + 3.4721136 = 1,600.6443696
    //   low 16,045.5168 x 0.044179085 = 641.820672 + 64.1820672 + 2.873511376128 = 708.876250576128
    //   high 40,507.992 x 0.0461 = 1,620.31968 + 243.047952 + 4.0507992 = 1,867.4184312
    expectClimate(device('server'), {
      embodied: [4392, 4392, 4392],
      use: [1600.6443696, 708.876250576128, 1867.4184312],
      kWh: [34721.136, 16045.5168, 40507.992],
    });
    expect(device('server').use?.pue).toBe(1.8);
  });

  it('the climate total, its low and high, per employee, and the two-digit texts in French and English', () => {
    const t = results.footprint.totals.climate;
    // Embodied: 14,807.2 + 845.84 + 3,492 + 6,361.28 + 421.47 + 266 + 4,392 = 30,585.79 kg CO2e
    //   low:    14,480 + 845.84 + 3,235 + 6,361.28 + 379.5 + 266 + 4,392 = 29,959.62
    //   high:   14,807.2 + 1,108 + 3,492 + 6,720 + 421.47 + 266 + 4,392 = 31,206.67
    expectClose(t.embodied, 30585.79);
    expectClose(t.low.embodied, 29959.62);
    expectClose(t.high.embodied, 31206.67);
    // Use: 13,293.6 + 2,639 + 13,185 + 594 + 198 + 633.36 + 34,721.136 = 65,264.096 kWh
    //   x 0.0461 = 2,610.56384 + 391.584576 + 6.5264096 = 3,008.6748256 kg CO2e (= the sum of the seven device figures)
    //   low 38,873.7568 kWh x 0.044179085 = 1,554.950272 + 155.4950272 + 6.961706736528 = 1,717.407005936528
    //   high 130,519.192 kWh x 0.0461 = 5,220.76768 + 783.115152 + 13.0519192 = 6,016.9347512
    expectClose(t.use, 3008.6748256);
    expectClose(t.low.use, 1717.407005936528);
    expectClose(t.high.use, 6016.9347512);
    // Total 30,585.79 + 3,008.6748256 = 33,594.4648256 kg CO2e
    //   low 29,959.62 + 1,717.407005936528 = 31,677.027005936528; high 31,206.67 + 6,016.9347512 = 37,223.6047512
    expectClose(t.total, 33594.4648256);
    expectClose(t.low.total, 31677.027005936528);
    expectClose(t.high.total, 37223.6047512);
    // Nothing inventoried goes unestimated on climate (printers, boxes, switches, cloud were not answered at all).
    expect(t.notEstimated).toEqual([]);

    // Per employee (organisation.employees = 250, organisation.kind = company):
    //   33,594.4648256 / 250 = 134.3778593024; low 31,677.027005936528 / 250 = 126.708108023746; high 37,223.6047512 / 250 = 148.8944190048
    const per = results.footprint.perPerson;
    expect(per?.people).toBe(250);
    expect(per?.person.one).toEqual({ fr: 'salarié', en: 'employee' });
    expectClose(per?.values.climate?.value, 134.3778593024);
    expectClose(per?.values.climate?.low, 126.708108023746);
    expectClose(per?.values.climate?.high, 148.8944190048);
    expect(results.footprint.display.perPersonLabel).toEqual({ fr: 'par salarié', en: 'per employee' });
    // Two significant digits: 134.4 -> 130, 126.7 -> 130, 148.9 -> 150
    expect(results.footprint.display.perPerson?.climate).toEqual({ fr: '130\u00a0kg CO2e (130–150)', en: '130\u00a0kg CO2e (130–150)' });

    // The total's texts: 33,594 -> 34,000; 31,677 -> 32,000; 37,224 -> 37,000 (French groups thousands with a no-break space)
    expect(results.footprint.display.totals.climate).toEqual({
      fr: '34\u00a0000\u00a0kg CO2e (32\u00a0000–37\u00a0000)',
      en: '34,000\u00a0kg CO2e (32,000–37,000)',
    });
    // ... and what it leaves out stands beside it
    expect(results.footprint.display.leavesOut.en).toBe(
      'Leaves out: devices not inventoried, cloud (compute and storage), telecom networks, online services bought per user, ' +
        'docking stations and other peripherals, paper and consumables and water of the use phase and end of life.',
    );
  });

  it('minerals and metals: the total with its low and high', () => {
    const m = results.footprint.totals.minerals;
    // Embodied, [B] ADPe rows (one source each, no range; refurbished share 0, so no reduction):
    //   laptops 240 x 0.0086 / 3 = 0.688          (line 3, Laptop,pro: 8.60E-03)
    //   desktops 20 x 0.00852 / 5 = 0.03408       (line 7, Desktop,pro: 8.52E-03)
    //   monitors 300 x 0.0108 / 6 = 0.54          (line 8, Monitor: 1.08E-02)
    //   smartphones 200 x 0.00205 / 2.5 = 0.164   (line 5, Smartphone: 2.05E-03)
    //   tablets 15 x 0.00375 / 3 = 0.01875        (line 4, Tablet: 3.75E-03)
    //   meeting-room screens 14 x 0.0249 / 8 = 0.043575 (line 10, Television,pro: 2.49E-02)
    //   servers 6 x 0.0378 / 5 = 0.04536          (line 15, Server: 3.78E-02)
    //   sum 0.688 + 0.03408 + 0.54 + 0.164 + 0.01875 + 0.043575 + 0.04536 = 1.533765 kg Sb eq (also its low and high)
    expectClose(m.embodied, 1.533765);
    expectClose(m.low.embodied, 1.533765);
    expectClose(m.high.embodied, 1.533765);
    // Use: kWh x 4.85798e-8 (France, E_RES; one figure, so the range comes from the kWh alone)
    //   65,264.096 x 4.85798 = 261,056.384 + 52,211.2768 + 3,263.2048 + 456.848672 + 58.7376864 + 5.22112768
    //     = 317,051.67308608 -> 0.0031705167308608 kg Sb eq
    //   low 38,873.7568 x 4.85798 = 188,847.933059264 -> 0.00188847933059264
    //   high 130,519.192 x 4.85798 = 634,059.62435216 -> 0.0063405962435216
    expectClose(m.use, 0.0031705167308608);
    expectClose(m.low.use, 0.00188847933059264);
    expectClose(m.high.use, 0.0063405962435216);
    // Total 1.533765 + 0.0031705167308608 = 1.5369355167308608; low 1.53565347933059264; high 1.5401055962435216
    expectClose(m.total, 1.533765 + 0.0031705167308608);
    expectClose(m.low.total, 1.533765 + 0.00188847933059264);
    expectClose(m.high.total, 1.533765 + 0.0063405962435216);
    // Two significant digits: 1.537, 1.536 and 1.540 all read 1.5, so no range is printed
    expect(results.footprint.display.totals.minerals).toEqual({ fr: '1,5\u00a0kg Sb eq', en: '1.5\u00a0kg Sb eq' });
  });

  it('lifespan: each device kept to its target (levers.lifespan.targetYears), the embodied part cut by 1 - L1/L2', () => {
    const s = lever('lifespan');
    // laptops 3 -> 6: cut 1 - 3/6 = 0.5:          14,807.2 x 0.5 = 7,403.6   (low 14,480 x 0.5 = 7,240; high 7,403.6)
    // desktops 5 -> 7: cut 2/7:                   845.84 x 2/7 = 1,691.68/7  (low the same; high 1,108 x 2/7 = 2,216/7)
    // monitors 6 -> 8: cut 0.25:                  3,492 x 0.25 = 873         (low 3,235 x 0.25 = 808.75; high 873)
    // smartphones 2.5 -> 4: cut 1 - 0.625 = 0.375: 6,361.28 x 0.375 = 2,385.48 (low the same; high 6,720 x 0.375 = 2,520)
    // tablets 3 -> 5: cut 0.4:                    421.47 x 0.4 = 168.588     (low 379.5 x 0.4 = 151.8; high 168.588)
    // meeting-room screens 8 -> 10: cut 0.2:      266 x 0.2 = 53.2
    // servers 5 -> 7: cut 2/7:                    4,392 x 2/7 = 8,784/7
    // central 7,403.6 + 873 + 2,385.48 + 168.588 + 53.2 = 10,883.868; + (1,691.68 + 8,784)/7 = 10,475.68/7 = 1,496.525714285714
    //   = 12,380.393714285714 kg CO2e
    // low 7,240 + 808.75 + 2,385.48 + 151.8 + 53.2 = 10,639.23; + 1,496.525714285714 = 12,135.755714285714
    // high 7,403.6 + 873 + 2,520 + 168.588 + 53.2 = 11,018.388; + (2,216 + 8,784)/7 = 11,000/7 = 1,571.428571428571 -> 12,589.816571428571
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([
      ['laptop', 3, 6],
      ['desktop', 5, 7],
      ['monitor', 6, 8],
      ['smartphone', 2.5, 4],
      ['tablet', 3, 5],
      ['meeting_screen', 8, 10],
      ['server', 5, 7],
    ]);
    expectClose(s.climateKgCo2ePerYear, 10883.868 + 10475.68 / 7);
    expectClose(s.range?.low.climate, 10639.23 + 10475.68 / 7);
    expectClose(s.range?.high.climate, 11018.388 + 11000 / 7);
    // Share of the climate total: 12,380.3937 / 33,594.4648 = 0.36852 (33,594.4648 x 0.3685 = 12,379.5603)
    expectClose(s.shareOfClimateTotal, (10883.868 + 10475.68 / 7) / 33594.4648256);
    expect(s.description?.en).toBe(
      'Keeping your 240 laptops 6 years instead of 3, your 20 desktops 7 years instead of 5, your 300 monitors 8 years instead of 6, ' +
        'your 200 smartphones 4 years instead of 2.5, your 15 tablets 5 years instead of 3, your 14 meeting-room screens 10 years instead of 8 ' +
        'and your 6 servers 7 years instead of 5 avoids about 12,000\u00a0kg CO2e a year (range 12,000–13,000; 36.9% of the estimated climate footprint).',
    );
  });

  it('refurbished: 0 -> 30 % (levers.refurbished.targetShare), the low end of the avoided range promised', () => {
    const s = lever('refurbished');
    // saving = yearly embodied of new devices x (0.3 - 0) x share avoided [D]; central and low at the low end of the
    // range (low with the lower climate source), high at the high end (with the higher source):
    // laptops 43-97 %:     14,807.2 x 0.3 x 0.43 = 14,807.2 x 0.129 = 1,910.1288; low 14,480 x 0.129 = 1,867.92;
    //                      high 14,807.2 x 0.3 x 0.97 = 14,807.2 x 0.291 = 4,442.16 - 133.2648 = 4,308.8952
    // desktops 36-99 %:    845.84 x 0.108 = 91.35072 (low the same); high 1,108 x 0.297 = 329.076
    // smartphones 64-87 %: 6,361.28 x 0.192 = 1,272.256 - 50.89024 = 1,221.36576 (low the same); high 6,720 x 0.261 = 1,753.92
    // tablets 46-80 %:     421.47 x 0.138 = 58.16286; low 379.5 x 0.138 = 52.371; high 421.47 x 0.24 = 101.1528
    // central 1,910.1288 + 91.35072 + 1,221.36576 + 58.16286 = 3,281.00814 kg CO2e
    // low 1,867.92 + 91.35072 + 1,221.36576 + 52.371 = 3,233.00748; high 4,308.8952 + 329.076 + 1,753.92 + 101.1528 = 6,493.044
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([
      ['laptop', 0, 0.3],
      ['desktop', 0, 0.3],
      ['smartphone', 0, 0.3],
      ['tablet', 0, 0.3],
    ]);
    expectClose(s.climateKgCo2ePerYear, 3281.00814);
    expectClose(s.range?.low.climate, 3233.00748);
    expectClose(s.range?.high.climate, 6493.044);
  });

  it('fewer screens: one meeting-room screen of 14 and 10 % of the 300 monitors', () => {
    const s = lever('fewer_screens');
    // levers.fewer_screens: meetingScreensRemoved 1; monitorShareRemoved 0.1 -> 30 monitors of 300
    // one meeting-room screen: (266 + 29.197896) / 14 = 295.197896 / 14 = 21.085564
    //   low (266 + 20.2622955444) / 14 = 20.4473068246; high (266 + 367.49076) / 14 = 45.24934
    // 30 monitors: (3,492 + 607.8285) x 30/300 = 409.98285; low (3,235 + 349.8983532) / 10 = 358.48983532;
    //   high (3,492 + 1,842.8475) / 10 = 533.48475
    // central 21.085564 + 409.98285 = 431.068414 kg CO2e; low 20.4473068246 + 358.48983532 = 378.9371421446;
    //   high 45.24934 + 533.48475 = 578.73409
    expect(s.perDevice.map((d) => [d.device, d.from, d.to])).toEqual([
      ['meeting_screen', 14, 13],
      ['monitor', 300, 270],
    ]);
    expectClose(s.climateKgCo2ePerYear, 431.068414);
    expectClose(s.range?.low.climate, 378.9371421446);
    expectClose(s.range?.high.climate, 578.73409);
  });

  it('switching off: scheduled shutdown of computers and monitors, automatic switch-off of meeting-room screens', () => {
    const s = lever('switch_off');
    // After (usePolicies.workstation.target = scheduled_shutdown: off 1 in every bound; meeting_room.target = "true":
    //   central and low off 1, high standby 1), active hours unchanged:
    // laptops:  central (46,640 + 7,000 x 0.5) / 1000 = 50.14 kWh x 240 = 12,033.6; saved 13,293.6 - 12,033.6 = 1,260 kWh
    //           low: before all off at 0 W already (11,193.6 kWh), after the same: 0 saved
    //           high: after 50.14 x 240 = 12,033.6 (off at 0.5 W); saved 33,873.6 - 12,033.6 = 21,840 kWh
    // desktops: central (123,200 + 3,500) / 1000 = 126.7 x 20 = 2,534; saved 2,639 - 2,534 = 105 kWh; low 0;
    //           high saved 7,399 - 2,534 = 4,865 kWh
    // monitors: central (35,200 + 3,500) / 1000 = 38.7 x 300 = 11,610; saved 13,185 - 11,610 = 1,575 kWh; low 0;
    //           high after (44,000 + 3,500) / 1000 = 47.5 x 300 = 14,250; saved 39,975 - 14,250 = 25,725 kWh
    // meeting-room screens: central (28,600 + 0.5 x 8,320) / 1000 = 32.76 x 14 = 458.64; saved 633.36 - 458.64 = 174.72 kWh
    //           low after (28,600 + 0) / 1000 = 28.6 x 14 = 400.4; saved 458.64 - 400.4 = 58.24 kWh
    //           high after asleep at 2 W: 45.24 x 14 = 633.36; saved 7,971.6 - 633.36 = 7,338.24 kWh
    // central 1,260 + 105 + 1,575 + 174.72 = 3,114.72 kWh x 0.0461 = 124.5888 + 18.68832 + 0.311472 = 143.588592 kg CO2e
    // low 58.24 x 0.044179085 = 2.3296 + 0.23296 + 0.0104299104 = 2.5729899104
    // high 21,840 + 4,865 + 25,725 + 7,338.24 = 59,768.24 kWh x 0.0461 = 2,390.7296 + 358.60944 + 5.976824 = 2,755.315864
    // (from and to are the central kWh a year before and after)
    const kWh: Array<[string, number, number]> = [
      ['laptop', 13293.6, 12033.6],
      ['desktop', 2639, 2534],
      ['monitor', 13185, 11610],
      ['meeting_screen', 633.36, 458.64],
    ];
    expect(s.perDevice.map((d) => d.device)).toEqual(kWh.map(([d]) => d));
    kWh.forEach(([, from, to], i) => {
      expectClose(s.perDevice[i].from, from);
      expectClose(s.perDevice[i].to, to);
    });
    expectClose(s.climateKgCo2ePerYear, 143.588592);
    expectClose(s.range?.low.climate, 2.5729899104);
    expectClose(s.range?.high.climate, 2755.315864);
  });
});

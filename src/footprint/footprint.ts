/**
 * Pure footprint computation: inventory x reference factors -> yearly impact per
 * device type and criterion, embodied (manufacturing spread over the lifespan) vs use
 * (electricity). No I/O: callers pass the parsed factors (see footprint-factors.loader.ts).
 *
 * Method (REFERENCE-DATA.md sections 1-2), for each device type with count > 0:
 *   yearly embodied = count x per-unit embodied / lifespan x (1 - refurbishedShare x low end of the avoided range)
 *     per-unit embodied: climate = manufacturing + distribution + end of life [A];
 *     minerals, fossil, raw material = whole-life figure [B]; water = water of manufacture [A].
 *   kWh a year = count x power W x hours a day x days a year / 1000
 *   yearly use = kWh x zone factor (climate; minerals and fossil per kWh); raw material and water: not estimated.
 * A criterion without a figure is `null` ("not estimated"), never 0; totals add only the
 * estimated parts and list the parts they leave out.
 */
import type { AnswerValue, I18nText } from '../questionnaires/template.types.js';
import {
  CRITERIA,
  CRITERION_UNITS,
  DEVICE_TYPES,
  type Criterion,
  type CriterionParts,
  type CriterionTotal,
  type DeviceAssumption,
  type DeviceFootprint,
  type DeviceInventory,
  type DeviceType,
  type ElectricityFactors,
  type ElectricityUsed,
  type FootprintFactors,
  type FootprintNote,
  type FootprintResult,
  type Inventory,
  type SourceKey,
  type SourcedFigure,
  type ValueSource,
} from './footprint.types.js';

/** Stable answer ids read by `inventoryFromAnswers`. */
export const INVENTORY_ANSWER_IDS = {
  count: (device: DeviceType): string => `inventory.${device}.count`,
  lifespanYears: (device: DeviceType): string => `inventory.${device}.lifespan_years`,
  /** Percent 0-100. */
  refurbishedShare: (device: DeviceType): string => `inventory.${device}.refurbished_share`,
  /** Optional: hours a day the devices are on, overriding the working profile. */
  hoursPerDay: (device: DeviceType): string => `inventory.${device}.hours_per_day`,
  country: 'organisation.country',
  employees: 'organisation.employees',
} as const;

function finiteNumber(value: AnswerValue | undefined | null): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function validCount(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function validLifespan(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function validShare(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

function validHours(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= 24;
}

/**
 * Reads the inventory from answers keyed by stable question id. Only numbers are read;
 * anything else (missing, wrong type, out of range) is `null` = not answered:
 * count >= 0; lifespan > 0; refurbished share 0-100 (%), returned as a fraction 0..1;
 * hours a day in (0, 24]; employees >= 0; country: a non-empty string, upper-cased.
 */
export function inventoryFromAnswers(answers: Record<string, AnswerValue | undefined>): Inventory {
  const devices: Record<DeviceType, DeviceInventory> = {} as Record<DeviceType, DeviceInventory>;
  for (const device of DEVICE_TYPES) {
    const count = finiteNumber(answers[INVENTORY_ANSWER_IDS.count(device)]);
    const lifespan = finiteNumber(answers[INVENTORY_ANSWER_IDS.lifespanYears(device)]);
    const percent = finiteNumber(answers[INVENTORY_ANSWER_IDS.refurbishedShare(device)]);
    const hours = finiteNumber(answers[INVENTORY_ANSWER_IDS.hoursPerDay(device)]);
    devices[device] = {
      count: validCount(count) ? count : null,
      lifespanYears: validLifespan(lifespan) ? lifespan : null,
      refurbishedShare: percent !== null && percent >= 0 && percent <= 100 ? percent / 100 : null,
      hoursPerDay: validHours(hours) ? hours : null,
    };
  }
  const countryAnswer = answers[INVENTORY_ANSWER_IDS.country];
  const country = typeof countryAnswer === 'string' && countryAnswer.trim() !== '' ? countryAnswer.trim().toUpperCase() : null;
  const employees = finiteNumber(answers[INVENTORY_ANSWER_IDS.employees]);
  return { country, employees: employees !== null && employees >= 0 ? employees : null, devices };
}

/**
 * Which electricity figures a country uses: France -> France figures; a country with its
 * own carbon figure -> that figure (resources as mapped in the factors file); another EU
 * member or 'OTHER_EU' -> EU-27 and Europe; anything else, 'OTHER' or no country -> World.
 */
export function resolveElectricity(country: string | null | undefined, electricity: ElectricityFactors): ElectricityUsed {
  let code = typeof country === 'string' && country.trim() !== '' ? country.trim().toUpperCase() : null;
  if (code !== null && electricity.countryAliases[code] !== undefined) code = electricity.countryAliases[code];
  let mappedAs: string;
  if (code === null) mappedAs = 'OTHER';
  else if (Object.hasOwn(electricity.countries, code)) mappedAs = code;
  else if (electricity.euMemberStates.includes(code)) mappedAs = 'OTHER_EU';
  else mappedAs = 'OTHER';
  const mapping = electricity.countries[mappedAs];
  const carbon = electricity.carbon[mapping.carbon];
  const resources = electricity.resources[mapping.resources];
  return {
    country: code,
    countrySource: code === null ? 'default' : 'answered',
    mappedAs,
    carbonZone: mapping.carbon,
    carbonLabel: carbon.label,
    kgCo2ePerKwh: carbon.kgCo2ePerKwh,
    carbonSource: carbon.source,
    carbonYear: carbon.year,
    resourceZone: mapping.resources,
    resourceLabel: resources.label,
    mineralsKgSbEqPerKwh: resources.mineralsKgSbEqPerKwh,
    fossilMjPerKwh: resources.fossilMjPerKwh,
    resourceSource: resources.source,
    resourceYear: resources.year,
    waterLPerKwh: null,
  };
}

/** Adds the estimated parts; null when none is estimated. */
function sumEstimated(values: Array<number | null>): number | null {
  let sum: number | null = null;
  for (const v of values) if (v !== null) sum = (sum ?? 0) + v;
  return sum;
}

function emptyRecord<T>(make: () => T): Record<Criterion, T> {
  return Object.fromEntries(CRITERIA.map((c) => [c, make()])) as Record<Criterion, T>;
}

const GENERAL_NOTES: I18nText[] = [
  {
    fr: "Impact de fabrication réparti sur la durée de vie : impact annuel = nombre x impact d'un appareil / durée de vie (répondue, sinon celle de la source).",
    en: 'Embodied impact spread over the lifespan: yearly impact = count x impact of one device / lifespan (as answered, else the source default).',
  },
  {
    fr: 'Climat : fabrication + distribution + fin de vie [A] ; minéraux et métaux, ressources fossiles, matières premières : cycle de vie hors usage [B] ; eau : eau de fabrication [A].',
    en: 'Climate: manufacturing + distribution + end of life [A]; minerals and metals, fossil resources, raw material: whole-life embodied [B]; water: water of manufacture [A].',
  },
  {
    fr: "Reconditionné : la part reconditionnée réduit l'impact de fabrication du bas de la fourchette d'impacts évités (NegaOctet pour l'ADEME, 2022). Pas de chiffre pour les écrans, écrans de salle de réunion et serveurs : aucune réduction pour eux. Part non renseignée : 0 % (tout neuf).",
    en: 'Refurbished: the refurbished share reduces the embodied impact by the low end of the avoided-impact range (NegaOctet for ADEME, 2022). No figure for monitors, meeting-room screens and servers: no reduction for them. Share not answered: 0 % (all new).',
  },
  {
    fr: "Usage : électricité = puissance x heures par jour x jours par an ; climat, minéraux et ressources fossiles par kWh selon le pays. Matières premières et eau de la phase d'usage : non estimées (pas de facteur ouvert).",
    en: 'Use: electricity = power x hours a day x days a year; climate, minerals and fossil resources per kWh by country. Raw material and water of the use phase: not estimated (no open factor).',
  },
  {
    fr: "Un critère sans chiffre est « non estimé », jamais 0 ; les totaux additionnent les seules parties estimées et listent celles qu'ils laissent de côté.",
    en: 'A criterion without a figure is "not estimated", never 0; totals add only the estimated parts and list those they leave out.',
  },
];

/** Computes the yearly footprint of an inventory. Pure: same input, same output. */
export function computeFootprint(inventory: Inventory, factors: FootprintFactors): FootprintResult {
  const sourcesUsed = new Set<SourceKey>();
  const figure = (f: SourcedFigure | null): number | null => {
    if (f === null) return null;
    sourcesUsed.add(f.source);
    return f.value;
  };

  const electricity = resolveElectricity(inventory.country, factors.electricity);

  const devices: DeviceFootprint[] = [];
  const notInventoried: DeviceType[] = [];
  const declaredNone: DeviceType[] = [];
  const assumptions: DeviceAssumption[] = [];
  const notes: FootprintNote[] = [];

  for (const device of DEVICE_TYPES) {
    const entry = inventory.devices[device];
    const count = entry?.count;
    if (!validCount(count)) {
      notInventoried.push(device);
      continue;
    }
    if (count === 0) {
      declaredNone.push(device);
      continue;
    }
    const f = factors.devices[device];
    const deviceNotes: FootprintNote[] = [];
    const label = f.label;

    // Lifespan
    const defaultLifespanYears = f.defaultLifespanYears.value;
    let lifespanYears = defaultLifespanYears;
    let lifespanSource: ValueSource = 'default';
    if (validLifespan(entry?.lifespanYears)) {
      lifespanYears = entry.lifespanYears;
      lifespanSource = 'answered';
    } else {
      sourcesUsed.add(f.defaultLifespanYears.source);
      if (entry?.lifespanYears !== null && entry?.lifespanYears !== undefined) {
        deviceNotes.push({
          code: 'invalid_lifespan_ignored',
          device,
          text: {
            fr: `${label.fr} : durée de vie ${String(entry.lifespanYears)} invalide, durée par défaut utilisée (${defaultLifespanYears} ans).`,
            en: `${label.en}: invalid lifespan ${String(entry.lifespanYears)}, default used (${defaultLifespanYears} years).`,
          },
        });
      }
    }

    // Refurbished share
    let refurbishedShare = 0;
    let refurbishedShareSource: ValueSource = 'default';
    if (validShare(entry?.refurbishedShare)) {
      refurbishedShare = entry.refurbishedShare;
      refurbishedShareSource = 'answered';
    } else if (entry?.refurbishedShare !== null && entry?.refurbishedShare !== undefined) {
      deviceNotes.push({
        code: 'invalid_refurbished_share_ignored',
        device,
        text: {
          fr: `${label.fr} : part reconditionnée ${String(entry.refurbishedShare)} invalide (attendu 0 à 1), 0 utilisé.`,
          en: `${label.en}: invalid refurbished share ${String(entry.refurbishedShare)} (expected 0 to 1), 0 used.`,
        },
      });
    }
    const avoided = f.refurbishedAvoided;
    if (avoided !== null) sourcesUsed.add(avoided.source);
    const embodiedFactor = avoided !== null ? 1 - refurbishedShare * avoided.low : 1;
    if (avoided === null && refurbishedShare > 0) {
      deviceNotes.push({
        code: 'refurbished_no_avoided_figure',
        device,
        text: {
          fr: `${label.fr} : pas de chiffre d'impact évité par le reconditionné, la part reconditionnée ne réduit pas l'estimation.`,
          en: `${label.en}: no avoided-impact figure for refurbished devices, the refurbished share does not reduce the estimate.`,
        },
      });
    }

    // Hours of use
    let hoursPerDay = f.hoursPerDay.value;
    let hoursSource: ValueSource = 'default';
    if (validHours(entry?.hoursPerDay)) {
      hoursPerDay = entry.hoursPerDay;
      hoursSource = 'answered';
    } else if (entry?.hoursPerDay !== null && entry?.hoursPerDay !== undefined) {
      deviceNotes.push({
        code: 'invalid_hours_ignored',
        device,
        text: {
          fr: `${label.fr} : ${String(entry.hoursPerDay)} h par jour invalide, profil de travail utilisé (${hoursPerDay} h).`,
          en: `${label.en}: invalid ${String(entry.hoursPerDay)} hours a day, working profile used (${hoursPerDay} h).`,
        },
      });
    }
    if (hoursSource === 'default') sourcesUsed.add(f.hoursPerDay.source);
    const daysPerYear = figure(f.daysPerYear) as number;

    // Per-unit embodied impacts (one new device, whole life)
    const manufacturing = figure(f.manufacturingKgCo2e);
    const distribution = figure(f.distributionKgCo2e);
    const endOfLife = figure(f.endOfLifeKgCo2e);
    let climateUnit: number | null = null;
    if (manufacturing !== null) {
      climateUnit = manufacturing + (distribution ?? 0) + (endOfLife ?? 0);
      if (distribution === null || endOfLife === null) {
        deviceNotes.push({
          code: 'climate_embodied_manufacturing_only',
          device,
          text: {
            fr: `${label.fr} : climat de fabrication seulement (distribution et fin de vie sans chiffre, non incluses).`,
            en: `${label.en}: climate covers manufacturing only (distribution and end of life have no figure and are left out).`,
          },
        });
      }
    }
    const unitEmbodied: Record<Criterion, number | null> = {
      climate: climateUnit,
      minerals: figure(f.mineralsKgSbEq),
      fossil: figure(f.fossilMj),
      rawMaterial: figure(f.rawMaterialKg),
      water: figure(f.waterL),
    };

    // Electricity
    const powerW = figure(f.powerW);
    const kWhPerYear = powerW === null ? null : (count * powerW * hoursPerDay * daysPerYear) / 1000;
    if (kWhPerYear === null) {
      deviceNotes.push({
        code: 'use_not_estimated_no_power',
        device,
        text: {
          fr: `${label.fr} : puissance inconnue, usage non estimé.`,
          en: `${label.en}: power unknown, use not estimated.`,
        },
      });
    } else {
      sourcesUsed.add(electricity.carbonSource);
      sourcesUsed.add(electricity.resourceSource);
    }
    const usePerKwh: Record<Criterion, number | null> = {
      climate: electricity.kgCo2ePerKwh,
      minerals: electricity.mineralsKgSbEqPerKwh,
      fossil: electricity.fossilMjPerKwh,
      rawMaterial: null,
      water: electricity.waterLPerKwh,
    };

    const perCriterion = emptyRecord<CriterionParts>(() => ({ embodied: null, use: null, total: null }));
    for (const criterion of CRITERIA) {
      const unit = unitEmbodied[criterion];
      const embodied = unit === null ? null : ((count * unit) / lifespanYears) * embodiedFactor;
      const factor = usePerKwh[criterion];
      const use = kWhPerYear === null || factor === null ? null : kWhPerYear * factor;
      perCriterion[criterion] = { embodied, use, total: sumEstimated([embodied, use]) };
    }

    devices.push({
      device,
      label,
      count,
      lifespanYears,
      lifespanSource,
      defaultLifespanYears,
      refurbishedShare,
      refurbishedShareSource,
      refurbishedAvoided: avoided === null ? null : { low: avoided.low, high: avoided.high },
      embodiedFactor,
      hoursPerDay,
      hoursSource,
      daysPerYear,
      kWhPerYear,
      unitEmbodied,
      perCriterion,
      notes: deviceNotes,
    });
    assumptions.push({
      device,
      lifespanYears,
      lifespanSource,
      defaultLifespanYears,
      hoursPerDay,
      hoursSource,
      daysPerYear,
      refurbishedShare,
      refurbishedAvoided: avoided === null ? null : { low: avoided.low, high: avoided.high },
    });
    notes.push(...deviceNotes);
  }

  const totals = emptyRecord<CriterionTotal>(() => ({ embodied: null, use: null, total: null, notEstimated: [] }));
  for (const criterion of CRITERIA) {
    const t = totals[criterion];
    for (const d of devices) {
      const parts = d.perCriterion[criterion];
      if (parts.embodied === null) t.notEstimated.push({ device: d.device, part: 'embodied' });
      else t.embodied = (t.embodied ?? 0) + parts.embodied;
      if (parts.use === null) t.notEstimated.push({ device: d.device, part: 'use' });
      else t.use = (t.use ?? 0) + parts.use;
    }
    t.total = sumEstimated([t.embodied, t.use]);
  }

  const employees =
    typeof inventory.employees === 'number' && Number.isFinite(inventory.employees) && inventory.employees >= 0
      ? inventory.employees
      : null;
  const perEmployee =
    employees !== null && employees > 0
      ? (Object.fromEntries(CRITERIA.map((c) => [c, totals[c].total === null ? null : (totals[c].total as number) / employees])) as Record<
          Criterion,
          number | null
        >)
      : null;

  sourcesUsed.add(factors.workingProfile.source);
  const sources = Object.entries(factors.sources)
    .filter(([key]) => sourcesUsed.has(key))
    .map(([key, ref]) => ({ key, ...ref }));

  return {
    factorsVersion: factors.version,
    units: { ...CRITERION_UNITS },
    devices,
    notInventoried,
    declaredNone,
    totals,
    employees,
    perEmployee,
    electricity,
    assumptions: {
      workingProfile: { text: factors.workingProfile.text, source: factors.workingProfile.source },
      devices: assumptions,
      notes: [...GENERAL_NOTES, factors.electricity.waterNote, factors.electricity.mappingNote],
    },
    sources,
    notes,
  };
}

/**
 * Pure footprint computation: inventory x reference factors -> yearly impact per device type and
 * criterion, embodied (manufacturing spread over the lifespan) vs use (electricity), each with a
 * low and a high value. No I/O: callers pass the parsed factors (see footprint-factors.loader.ts).
 *
 * Method (REFERENCE-DATA.md sections 1-3; the README says it in words), for each device type with count n > 0:
 *   yearly embodied = n x unit embodied / lifespan x (1 - refurbished share x low end of the avoided range)
 *     low: the lowest source x (1 - share x high end); high: the highest source x (1 - share x low end).
 *   use, a device on a working profile: active hours = hours a day x 220 working days; the other
 *     hours of the year (8,760 - active) are split between on, standby and off by the switch-off
 *     answer (the factors' `usePolicies`), so kWh = (P active x active hours + rest x (on x P active
 *     + standby x P standby + off x P off)) / 1000 per device; low and high use the low and high
 *     powers and behaviours. Battery devices: active hours only. Servers and boxes: 8,760 h, x PUE for servers.
 *   yearly use = kWh x zone factor (climate; minerals and fossil per kWh); material input and water: not estimated.
 *   cloud: vCPUs x (a server's embodied impact / server lifespan / vCPUs per server) embodied, and
 *     (vCPUs x W per vCPU + TB x Wh per TB-hour x replication) x 8,760 h x PUE of electricity.
 * A criterion without a figure is `null` ("not estimated"), never 0; totals add only the estimated
 * parts and list the parts they leave out; `scope` names what the whole estimate leaves out.
 */
import type { AnswerValue, I18nText } from '../questionnaires/template.types.js';
import { formatFigure, formatNumber } from './footprint.display.js';
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
  type FootprintDisplay,
  type FootprintFactors,
  type FootprintNote,
  type FootprintResult,
  type FootprintScope,
  type Inventory,
  type ModeShares,
  type PartFigures,
  type PerPerson,
  type ScopeEntry,
  type ScopeId,
  type SourceKey,
  type SourcedFigure,
  type UsePolicyGroup,
  type ValueSource,
} from './footprint.types.js';

/** Stable answer ids read by `inventoryFromAnswers`. */
export const INVENTORY_ANSWER_IDS = {
  count: (device: DeviceType): string => `inventory.${device}.count`,
  lifespanYears: (device: DeviceType): string => `inventory.${device}.lifespan_years`,
  /** Percent 0-100. */
  refurbishedShare: (device: DeviceType): string => `inventory.${device}.refurbished_share`,
  /** Optional (questionnaire version 2): active hours a working day, overriding the working profile. */
  hoursPerDay: (device: DeviceType): string => `inventory.${device}.hours_per_day`,
  country: 'organisation.country',
  employees: 'organisation.employees',
  /** Optional (questionnaire version 2): company, public_body or association; names the person. */
  organisationKind: 'organisation.kind',
  /** The switch-off answers, by behaviour. */
  policies: { workstation: 'usage.switch_off_policy', meeting_room: 'usage.meeting_room_standby' } as Record<UsePolicyGroup, string>,
  cloudVcpus: 'inventory.cloud.vcpu_count',
  cloudStorageTb: 'inventory.cloud.storage_tb',
  /** Optional (questionnaire version 2): the server room's PUE. */
  serverPue: 'inventory.server.pue',
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

function validPue(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 5;
}

/**
 * Reads the inventory from answers keyed by stable question id. Only numbers are read for
 * quantities; anything else (missing, wrong type, out of range) is `null` = not answered:
 * count >= 0; lifespan > 0; refurbished share 0-100 (%), returned as a fraction 0..1;
 * hours a day in (0, 24]; employees >= 0; country: a non-empty string, upper-cased; the switch-off
 * answers as option ids ("true" / "false" for yes/no); cloud vCPUs and terabytes >= 0.
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
  const kind = answers[INVENTORY_ANSWER_IDS.organisationKind];
  const policies: Partial<Record<UsePolicyGroup, string | null>> = {};
  for (const [group, id] of Object.entries(INVENTORY_ANSWER_IDS.policies) as Array<[UsePolicyGroup, string]>) {
    const value = answers[id];
    policies[group] = typeof value === 'boolean' ? String(value) : typeof value === 'string' && value !== '' ? value : null;
  }
  const vcpus = finiteNumber(answers[INVENTORY_ANSWER_IDS.cloudVcpus]);
  const storageTb = finiteNumber(answers[INVENTORY_ANSWER_IDS.cloudStorageTb]);
  const pue = finiteNumber(answers[INVENTORY_ANSWER_IDS.serverPue]);
  return {
    country,
    employees: employees !== null && employees >= 0 ? employees : null,
    organisationKind: typeof kind === 'string' && kind !== '' ? kind : null,
    devices,
    policies,
    cloud: {
      vcpus: vcpus !== null && vcpus >= 0 ? vcpus : null,
      storageTb: storageTb !== null && storageTb >= 0 ? storageTb : null,
    },
    serverPue: pue,
  };
}

/** The central value of a figure and its range (the source's spread, else the range of its sources). */
export function figureRange(f: SourcedFigure): { value: number; low: number; high: number } {
  const values = [f.value, ...(f.alternatives ?? []).map((a) => a.value)];
  const low = Math.min(f.low ?? Math.min(...values), f.value);
  const high = Math.max(f.high ?? Math.max(...values), f.value);
  return { value: f.value, low, high };
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
  const carbonValues = [carbon.kgCo2ePerKwh, ...(carbon.alternatives ?? []).map((a) => a.value)];
  return {
    country: code,
    countrySource: code === null ? 'default' : 'answered',
    mappedAs,
    carbonZone: mapping.carbon,
    carbonLabel: carbon.label,
    kgCo2ePerKwh: carbon.kgCo2ePerKwh,
    kgCo2ePerKwhLow: Math.min(...carbonValues),
    kgCo2ePerKwhHigh: Math.max(...carbonValues),
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

function parts(embodied: number | null, use: number | null): PartFigures {
  return { embodied, use, total: sumEstimated([embodied, use]) };
}

const NULL_PARTS = (): CriterionParts => ({ ...parts(null, null), low: parts(null, null), high: parts(null, null) });

/** kWh a year of ONE device on a working profile, for one bound. */
function workingKWh(
  activeHours: number,
  restHours: number,
  shares: ModeShares,
  power: { active: number; standby: number | null; off: number | null },
): number {
  const on = shares.on ?? 0;
  const standby = shares.standby ?? 0;
  const off = shares.off ?? 0;
  return (power.active * activeHours + restHours * (on * power.active + standby * (power.standby ?? 0) + off * (power.off ?? 0))) / 1000;
}

/** Who the person of the per-person figures is, by kind of organisation. */
const PERSON: Record<string, { one: I18nText; other: I18nText }> = {
  company: { one: { fr: 'salarié', en: 'employee' }, other: { fr: 'salariés', en: 'employees' } },
  public_body: { one: { fr: 'agent', en: 'agent' }, other: { fr: 'agents', en: 'agents' } },
  association: {
    one: { fr: 'salarié ou bénévole', en: 'staff member or volunteer' },
    other: { fr: 'salariés et bénévoles', en: 'staff and volunteers' },
  },
};
/** Version 1 of the questionnaire asks "employees (or users of the equipment)": the person is named after it. */
const DEFAULT_PERSON = {
  one: { fr: 'salarié ou utilisateur du parc', en: 'employee or equipment user' },
  other: { fr: 'salariés ou utilisateurs du parc', en: 'employees or equipment users' },
};

const GENERAL_NOTES: I18nText[] = [
  {
    fr: "Impact de fabrication réparti sur la durée de vie : impact annuel = nombre x impact d'un appareil / durée de vie (répondue, sinon celle de la source).",
    en: 'Embodied impact spread over the lifespan: yearly impact = count x impact of one device / lifespan (as answered, else the source default).',
  },
  {
    fr: "Climat : fabrication + distribution + fin de vie [A] (cycle de vie hors usage [B] pour les écrans de salle de réunion et les serveurs) ; minéraux et métaux, énergie non renouvelable, matières mobilisées : cycle de vie hors usage [B] ; eau : indicateur eau de l'ADEME pour la fabrication [A].",
    en: "Climate: manufacturing + distribution + end of life [A] (whole-life embodied [B] for meeting-room screens and servers); minerals and metals, non-renewable energy, material input: whole-life embodied [B]; water: ADEME's water indicator for manufacture [A].",
  },
  {
    fr: "Usage : électricité des heures actives, puis des heures restantes en veille, éteint ou laissé allumé selon vos réponses sur l'extinction ; serveurs x PUE de la salle ; climat, minéraux et énergie non renouvelable par kWh selon le pays. Matières mobilisées et eau de la phase d'usage : non estimées (pas de facteur ouvert).",
    en: 'Use: electricity of the active hours, then of the remaining hours asleep, off or left on according to your switch-off answers; servers x the room’s PUE; climate, minerals and non-renewable energy per kWh by country. Material input and water of the use phase: not estimated (no open factor).',
  },
  {
    fr: "Fourchettes : la plus basse et la plus haute des sources quand deux sources donnent le chiffre (climat [A] et [B], puissance des serveurs, facteur électrique de la France), l'écart publié par la source sinon (écrans 15-25 W, PUE, veille), le reconditionné et les comportements d'extinction. Un chiffre d'une seule source sans écart publié n'a pas de fourchette : son incertitude n'est pas connue, pas nulle.",
    en: "Ranges: the lowest and highest source where two sources give the figure (climate [A] and [B], server power, France's electricity factor), the source's published spread otherwise (monitors 15-25 W, PUE, standby), the refurbished ranges and the switch-off behaviours. A single-source figure with no published spread has no range: its uncertainty is unknown, not zero.",
  },
  {
    fr: "Un critère sans chiffre est « non estimé », jamais 0 ; les totaux additionnent les seules parties estimées et listent celles qu'ils laissent de côté.",
    en: 'A criterion without a figure is "not estimated", never 0; totals add only the estimated parts and list those they leave out.',
  },
];

/** How the refurbished ranges are applied, with the ranges of the factors file. */
function refurbishedNote(factors: FootprintFactors): I18nText {
  const ranges = (lang: 'fr' | 'en') =>
    DEVICE_TYPES.flatMap((d) => {
      const r = factors.devices[d].refurbishedAvoided;
      return r ? [`${factors.devices[d].noun.other[lang]} ${Math.round(r.low * 100)}-${Math.round(r.high * 100)}\u00a0%`] : [];
    }).join(', ');
  return {
    fr: `Reconditionné : les fourchettes d'impacts évités (NegaOctet pour l'ADEME, 2022 : ${ranges('fr')}) vont de l'indicateur le moins au plus favorable de l'étude ; ce n'est pas une incertitude. Le bas de fourchette s'applique à chaque critère (aucun indicateur ne descend en dessous), le haut donne le bas de la fourchette de l'empreinte. Pas de chiffre pour les autres appareils : aucune réduction. Part non renseignée : 0 % (tout neuf).`,
    en: `Refurbished: the avoided-impact ranges (NegaOctet for ADEME, 2022: ${ranges('en')}) run from the study's least to its most favourable indicator; they are not an uncertainty. The low end is applied to every criterion (no indicator goes below it), the high end gives the low end of the footprint range. No figure for the other devices: no reduction. Share not answered: 0 % (all new).`,
  };
}

/** What every footprint leaves out, whatever the inventory. */
const ALWAYS_LEFT_OUT: ScopeEntry[] = [
  {
    id: 'telecom_networks',
    label: { fr: 'Réseaux télécoms', en: 'Telecom networks' },
    detail: {
      fr: "le trafic internet fixe et mobile hors de vos locaux : les sources ne donnent pas de facteur à l'échelle d'une organisation.",
      en: 'fixed and mobile internet traffic outside your premises: the sources give no factor at the scale of one organisation.',
    },
  },
  {
    id: 'online_services',
    label: { fr: 'Services en ligne achetés par utilisateur', en: 'Online services bought per user' },
    detail: {
      fr: 'messagerie, bureautique, visioconférence, logiciels en ligne : leurs centres de données ne sont pas comptés.',
      en: 'email, office suites, video conferencing, software as a service: their data centres are not counted.',
    },
  },
  {
    id: 'peripherals',
    label: { fr: 'Stations d’accueil et autres périphériques', en: 'Docking stations and other peripherals' },
    detail: {
      fr: "stations d'accueil (pas de chiffre ouvert), claviers, souris, casques, disques externes : non demandés.",
      en: 'docking stations (no open figure), keyboards, mice, headsets, external drives: not asked.',
    },
  },
  {
    id: 'paper',
    label: { fr: 'Papier et consommables', en: 'Paper and consumables' },
    detail: { fr: 'le nombre de pages imprimées n’est pas demandé.', en: 'the number of pages printed is not asked.' },
  },
  {
    id: 'water_use_and_end_of_life',
    label: { fr: "Eau de l'usage et de la fin de vie", en: 'Water of the use phase and end of life' },
    detail: {
      fr: "pas de facteur eau ouvert pour l'électricité ; l'ADEME juge non fiables ses valeurs d'eau de fin de vie.",
      en: 'no open water factor for electricity; ADEME calls its end-of-life water values unreliable.',
    },
  },
];

const SCOPE_LABELS: Record<ScopeId, I18nText> = {
  user_devices: { fr: 'Terminaux des utilisateurs', en: 'User devices' },
  meeting_rooms: { fr: 'Écrans de salle de réunion', en: 'Meeting-room screens' },
  printing: { fr: 'Impression', en: 'Printing' },
  network: { fr: 'Réseau local', en: 'Local network' },
  servers: { fr: 'Serveurs sur site', en: 'On-premises servers' },
  cloud: { fr: 'Cloud (calcul et stockage)', en: 'Cloud (compute and storage)' },
};

function listJoin(items: string[], lang: 'fr' | 'en'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${items[items.length - 1]}`;
}

/** Computes the yearly footprint of an inventory. Pure: same input, same output. */
export function computeFootprint(inventory: Inventory, factors: FootprintFactors): FootprintResult {
  const sourcesUsed = new Set<SourceKey>();
  const use = (f: SourcedFigure): { value: number; low: number; high: number } => {
    sourcesUsed.add(f.source);
    for (const a of f.alternatives ?? []) sourcesUsed.add(a.source);
    return figureRange(f);
  };

  const electricity = resolveElectricity(inventory.country, factors.electricity);
  const workingDays = factors.profile.workingDaysPerYear.value;
  const yearHours = factors.profile.hoursPerYear.value;

  const devices: DeviceFootprint[] = [];
  const notInventoried: DeviceType[] = [];
  const declaredNone: DeviceType[] = [];
  const assumptions: DeviceAssumption[] = [];
  const notes: FootprintNote[] = [];

  /** Yearly use impact of `kWh` (central, low, high), per criterion. */
  const useImpacts = (kWh: { value: number; low: number; high: number } | null) => {
    const perKwh: Record<Criterion, { value: number; low: number; high: number } | null> = {
      climate: { value: electricity.kgCo2ePerKwh, low: electricity.kgCo2ePerKwhLow, high: electricity.kgCo2ePerKwhHigh },
      minerals: { value: electricity.mineralsKgSbEqPerKwh, low: electricity.mineralsKgSbEqPerKwh, high: electricity.mineralsKgSbEqPerKwh },
      fossil: { value: electricity.fossilMjPerKwh, low: electricity.fossilMjPerKwh, high: electricity.fossilMjPerKwh },
      rawMaterial: null,
      water: null,
    };
    if (kWh !== null) {
      sourcesUsed.add(electricity.carbonSource);
      sourcesUsed.add(electricity.resourceSource);
      for (const a of factors.electricity.carbon[electricity.carbonZone].alternatives ?? []) sourcesUsed.add(a.source);
    }
    return (c: Criterion) => {
      const f = perKwh[c];
      if (kWh === null || f === null) return { value: null, low: null, high: null };
      return { value: kWh.value * f.value, low: kWh.low * f.low, high: kWh.high * f.high };
    };
  };

  const policyShares = (group: UsePolicyGroup, label: I18nText, device: DeviceType, deviceNotes: FootprintNote[]) => {
    const policy = factors.usePolicies[group];
    sourcesUsed.add(policy.source);
    const answer = inventory.policies?.[group] ?? null;
    if (answer !== null && Object.hasOwn(policy.answers, answer)) {
      return { shares: policy.answers[answer], answer, source: 'answered' as ValueSource };
    }
    if (answer !== null) {
      deviceNotes.push({
        code: 'unknown_policy_answer',
        device,
        text: {
          fr: `${label.fr} : réponse « ${answer} » sur l'extinction non reconnue, hypothèse par défaut utilisée.`,
          en: `${label.en}: switch-off answer "${answer}" not recognised, default assumption used.`,
        },
      });
    }
    return { shares: policy.default, answer: null, source: 'default' as ValueSource };
  };

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
      if (f.estimated) sourcesUsed.add(f.defaultLifespanYears.source);
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
    if (avoided !== null && f.estimated) sourcesUsed.add(avoided.source);
    const embodiedFactor = avoided !== null ? 1 - refurbishedShare * avoided.low : 1;
    const embodiedFactorLow = avoided !== null ? 1 - refurbishedShare * avoided.high : 1;
    if (avoided === null && refurbishedShare > 0 && f.estimated) {
      deviceNotes.push({
        code: 'refurbished_no_avoided_figure',
        device,
        text: {
          fr: `${label.fr} : pas de chiffre d'impact évité par le reconditionné, la part reconditionnée ne réduit pas l'estimation.`,
          en: `${label.en}: no avoided-impact figure for refurbished devices, the refurbished share does not reduce the estimate.`,
        },
      });
    }

    // Active hours
    const kind = f.use.kind;
    const profileHours = f.use.activeHoursPerDay?.value ?? (kind === 'always_on' ? 24 : 0);
    let hoursPerDay = kind === 'always_on' ? 24 : profileHours;
    let hoursSource: ValueSource = 'default';
    if ((kind === 'working' || kind === 'active_only') && validHours(entry?.hoursPerDay)) {
      hoursPerDay = entry.hoursPerDay;
      hoursSource = 'answered';
    } else if (entry?.hoursPerDay !== null && entry?.hoursPerDay !== undefined && kind !== 'none') {
      deviceNotes.push({
        code: 'invalid_hours_ignored',
        device,
        text: {
          fr: `${label.fr} : ${String(entry.hoursPerDay)} h par jour ignorées, profil utilisé (${hoursPerDay} h).`,
          en: `${label.en}: ${String(entry.hoursPerDay)} hours a day ignored, profile used (${hoursPerDay} h).`,
        },
      });
    }
    const daysPerYear = kind === 'always_on' ? yearHours / 24 : workingDays;

    const unitEmbodied = emptyRecord<number | null>(() => null);
    const unitEmbodiedLow = emptyRecord<number | null>(() => null);
    const unitEmbodiedHigh = emptyRecord<number | null>(() => null);
    const perCriterion = emptyRecord<CriterionParts>(NULL_PARTS);

    if (!f.estimated) {
      const reason = f.notEstimatedReason ?? { fr: 'non estimé.', en: 'not estimated.' };
      deviceNotes.push({
        code: 'not_estimated_device',
        device,
        text: {
          fr: `${label.fr} (${formatNumber(count, 'fr')}) : ${reason.fr}`,
          en: `${label.en} (${formatNumber(count, 'en')}): ${reason.en}`,
        },
      });
      devices.push({
        device,
        label,
        scope: f.scope,
        estimated: false,
        count,
        lifespanYears,
        lifespanSource,
        defaultLifespanYears,
        refurbishedShare,
        refurbishedShareSource,
        refurbishedAvoided: null,
        embodiedFactor: 1,
        hoursPerDay,
        hoursSource,
        daysPerYear,
        kWhPerYear: null,
        use: null,
        unitEmbodied,
        unitEmbodiedLow,
        unitEmbodiedHigh,
        perCriterion,
        notes: deviceNotes,
      });
      notes.push(...deviceNotes);
      continue;
    }

    // Per-unit embodied impacts (one new device, whole life) and their range
    for (const c of CRITERIA) {
      const fig = f.embodied[c];
      if (fig === null) continue;
      const r = use(fig);
      unitEmbodied[c] = r.value;
      unitEmbodiedLow[c] = r.low;
      unitEmbodiedHigh[c] = r.high;
    }
    if (f.climateParts) {
      for (const p of Object.values(f.climateParts)) sourcesUsed.add(p.source);
    }

    // Electricity, by mode
    let kWh: { value: number; low: number; high: number } | null = null;
    let deviceUse: DeviceFootprint['use'] = null;
    const active = f.power.active === null ? null : use(f.power.active);
    if (active === null || kind === 'none') {
      deviceNotes.push({
        code: 'use_not_estimated_no_power',
        device,
        text: { fr: `${label.fr} : puissance inconnue, usage non estimé.`, en: `${label.en}: power unknown, use not estimated.` },
      });
    } else if (kind === 'always_on') {
      let pue = { value: 1, low: 1, high: 1 };
      let pueSource: ValueSource | null = null;
      if (f.pue) {
        if (device === 'server' && validPue(inventory.serverPue)) {
          pue = { value: inventory.serverPue, low: inventory.serverPue, high: inventory.serverPue };
          pueSource = 'answered';
        } else {
          pue = use(f.pue);
          pueSource = 'default';
          if (device === 'server' && inventory.serverPue !== null && inventory.serverPue !== undefined) {
            deviceNotes.push({
              code: 'invalid_pue_ignored',
              device,
              text: {
                fr: `${label.fr} : PUE ${String(inventory.serverPue)} ignoré (attendu 1 à 5), ${formatNumber(pue.value, 'fr')} utilisé.`,
                en: `${label.en}: PUE ${String(inventory.serverPue)} ignored (expected 1 to 5), ${formatNumber(pue.value, 'en')} used.`,
              },
            });
          }
        }
      }
      kWh = {
        value: (count * active.value * yearHours * pue.value) / 1000,
        low: (count * active.low * yearHours * pue.low) / 1000,
        high: (count * active.high * yearHours * pue.high) / 1000,
      };
      deviceUse = {
        kind,
        policy: null,
        hours: { active: yearHours, on: 0, standby: 0, off: 0 },
        powerW: { active: active.value, standby: null, off: null },
        pue: f.pue ? pue.value : null,
        pueSource,
        kWhLow: kWh.low,
        kWhHigh: kWh.high,
      };
    } else if (kind === 'active_only') {
      const activeHours = hoursPerDay * workingDays;
      if (hoursSource === 'default' && f.use.activeHoursPerDay) sourcesUsed.add(f.use.activeHoursPerDay.source);
      sourcesUsed.add(factors.profile.workingDaysPerYear.source);
      kWh = {
        value: (count * active.value * activeHours) / 1000,
        low: (count * active.low * activeHours) / 1000,
        high: (count * active.high * activeHours) / 1000,
      };
      deviceUse = {
        kind,
        policy: null,
        hours: { active: activeHours, on: 0, standby: 0, off: 0 },
        powerW: { active: active.value, standby: null, off: null },
        pue: null,
        pueSource: null,
        kWhLow: kWh.low,
        kWhHigh: kWh.high,
      };
    } else {
      // working profile with modes
      const group = f.use.policy as UsePolicyGroup;
      const activeHours = hoursPerDay * workingDays;
      const restHours = Math.max(0, yearHours - activeHours);
      if (hoursSource === 'default' && f.use.activeHoursPerDay) sourcesUsed.add(f.use.activeHoursPerDay.source);
      sourcesUsed.add(factors.profile.workingDaysPerYear.source);
      const standby = f.power.standby === null ? null : use(f.power.standby);
      const off = f.power.off === null ? null : use(f.power.off);
      const { shares, answer, source } = policyShares(group, label, device, deviceNotes);
      const at = (bound: 'value' | 'low' | 'high', s: ModeShares): number =>
        workingKWh(activeHours, restHours, s, {
          active: active[bound],
          standby: standby === null ? null : standby[bound],
          off: off === null ? null : off[bound],
        });
      const central = count * at('value', shares.central);
      const low = count * at('low', shares.low);
      const high = count * at('high', shares.high);
      kWh = { value: central, low: Math.min(low, central), high: Math.max(high, central) };
      const c = shares.central;
      deviceUse = {
        kind,
        policy: { group, answer, source },
        hours: { active: activeHours, on: restHours * (c.on ?? 0), standby: restHours * (c.standby ?? 0), off: restHours * (c.off ?? 0) },
        powerW: { active: active.value, standby: standby?.value ?? null, off: off?.value ?? null },
        pue: null,
        pueSource: null,
        kWhLow: kWh.low,
        kWhHigh: kWh.high,
      };
    }

    const useOf = useImpacts(kWh);
    for (const c of CRITERIA) {
      const unit = unitEmbodied[c];
      const embodied = unit === null ? null : ((count * unit) / lifespanYears) * embodiedFactor;
      const embodiedLow =
        unitEmbodiedLow[c] === null ? null : ((count * (unitEmbodiedLow[c] as number)) / lifespanYears) * embodiedFactorLow;
      const embodiedHigh =
        unitEmbodiedHigh[c] === null ? null : ((count * (unitEmbodiedHigh[c] as number)) / lifespanYears) * embodiedFactor;
      const u = useOf(c);
      perCriterion[c] = { ...parts(embodied, u.value), low: parts(embodiedLow, u.low), high: parts(embodiedHigh, u.high) };
    }

    devices.push({
      device,
      label,
      scope: f.scope,
      estimated: true,
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
      kWhPerYear: kWh === null ? null : kWh.value,
      use: deviceUse,
      unitEmbodied,
      unitEmbodiedLow,
      unitEmbodiedHigh,
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

  // Cloud: vCPUs and storage
  const cloudAnswer = inventory.cloud ?? null;
  const vcpus = cloudAnswer?.vcpus ?? null;
  const storageTb = cloudAnswer?.storageTb ?? null;
  const cloudAnswered = vcpus !== null || storageTb !== null;
  const cloudUsed = (vcpus ?? 0) > 0 || (storageTb ?? 0) > 0;
  if (cloudUsed) {
    const cf = factors.cloud;
    const v = vcpus ?? 0;
    const s = storageTb ?? 0;
    const power = use(cf.vcpuPowerW);
    const pue = use(cf.pue);
    const wh = use(cf.storageWhPerTbHour);
    const repl = use(cf.storageReplication);
    const life = use(cf.serverLifespanYears);
    const perServer = use(cf.vcpusPerServer);
    const compute = (b: 'value' | 'low' | 'high') => (v * power[b] * yearHours * pue[b]) / 1000;
    const storage = (b: 'value' | 'low' | 'high') => (s * wh[b] * repl[b] * yearHours * pue[b]) / 1000;
    const kWh = {
      value: compute('value') + storage('value'),
      low: compute('low') + storage('low'),
      high: compute('high') + storage('high'),
    };
    const useOf = useImpacts(kWh);
    const unitEmbodied = emptyRecord<number | null>(() => null);
    const unitEmbodiedLow = emptyRecord<number | null>(() => null);
    const unitEmbodiedHigh = emptyRecord<number | null>(() => null);
    const perCriterion = emptyRecord<CriterionParts>(NULL_PARTS);
    for (const c of CRITERIA) {
      const fig = factors.devices.server.embodied[c];
      let e: { value: number | null; low: number | null; high: number | null } = { value: null, low: null, high: null };
      if (fig !== null) {
        const r = use(fig);
        // One vCPU-year of a server: its embodied impact / lifespan / vCPUs per server.
        unitEmbodied[c] = r.value / life.value / perServer.value;
        unitEmbodiedLow[c] = r.low / life.high / perServer.high;
        unitEmbodiedHigh[c] = r.high / life.low / perServer.low;
        e = { value: v * unitEmbodied[c], low: v * unitEmbodiedLow[c], high: v * unitEmbodiedHigh[c] };
      }
      const u = useOf(c);
      perCriterion[c] = { ...parts(e.value, u.value), low: parts(e.low, u.low), high: parts(e.high, u.high) };
    }
    devices.push({
      device: 'cloud',
      label: cf.label,
      scope: cf.scope,
      estimated: true,
      count: v,
      lifespanYears: life.value,
      lifespanSource: 'default',
      defaultLifespanYears: life.value,
      refurbishedShare: 0,
      refurbishedShareSource: 'default',
      refurbishedAvoided: null,
      embodiedFactor: 1,
      hoursPerDay: 24,
      hoursSource: 'default',
      daysPerYear: yearHours / 24,
      kWhPerYear: kWh.value,
      use: {
        kind: 'always_on',
        policy: null,
        hours: { active: yearHours, on: 0, standby: 0, off: 0 },
        powerW: { active: power.value, standby: null, off: null },
        pue: pue.value,
        pueSource: 'default',
        kWhLow: kWh.low,
        kWhHigh: kWh.high,
      },
      unitEmbodied,
      unitEmbodiedLow,
      unitEmbodiedHigh,
      perCriterion,
      cloud: { vcpus: v, storageTb: s, kWhCompute: compute('value'), kWhStorage: storage('value') },
      notes: [],
    });
  }

  const totals = emptyRecord<CriterionTotal>(() => ({ ...NULL_PARTS(), notEstimated: [] }));
  for (const criterion of CRITERIA) {
    const t = totals[criterion];
    const add = (acc: PartFigures, p: PartFigures) => {
      if (p.embodied !== null) acc.embodied = (acc.embodied ?? 0) + p.embodied;
      if (p.use !== null) acc.use = (acc.use ?? 0) + p.use;
    };
    for (const d of devices) {
      const p = d.perCriterion[criterion];
      if (p.embodied === null) t.notEstimated.push({ device: d.device, part: 'embodied' });
      if (p.use === null) t.notEstimated.push({ device: d.device, part: 'use' });
      add(t, p);
      add(t.low, p.low);
      add(t.high, p.high);
    }
    t.total = sumEstimated([t.embodied, t.use]);
    t.low.total = sumEstimated([t.low.embodied, t.low.use]);
    t.high.total = sumEstimated([t.high.embodied, t.high.use]);
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
  const kind = inventory.organisationKind ?? null;
  const perPerson: PerPerson | null =
    employees !== null && employees > 0
      ? {
          basis: INVENTORY_ANSWER_IDS.employees,
          people: employees,
          person: kind !== null && Object.hasOwn(PERSON, kind) ? PERSON[kind] : DEFAULT_PERSON,
          kind,
          values: Object.fromEntries(
            CRITERIA.map((c) => {
              const t = totals[c];
              return [
                c,
                t.total === null
                  ? null
                  : { value: t.total / employees, low: (t.low.total ?? t.total) / employees, high: (t.high.total ?? t.total) / employees },
              ];
            }),
          ) as PerPerson['values'],
        }
      : null;

  const scope = buildScope(devices, notInventoried, declaredNone, factors, cloudAnswered, cloudUsed);
  const display = buildDisplay(totals, perPerson, scope);

  sourcesUsed.add(factors.profile.workingDaysPerYear.source);
  const sources = Object.entries(factors.sources)
    .filter(([key]) => sourcesUsed.has(key))
    .map(([key, ref]) => ({ key, ...ref }));

  return {
    factorsVersion: factors.version,
    units: { ...CRITERION_UNITS },
    criteria: Object.fromEntries(
      CRITERIA.map((c) => [c, { label: factors.criteria[c].label, indicator: factors.criteria[c].indicator }]),
    ) as FootprintResult['criteria'],
    devices,
    notInventoried,
    declaredNone,
    totals,
    employees,
    perEmployee,
    perPerson,
    scope,
    display,
    electricity,
    assumptions: {
      workingProfile: { text: factors.profile.text, source: factors.profile.workingDaysPerYear.source },
      devices: assumptions,
      notes: [
        ...GENERAL_NOTES.slice(0, 2),
        refurbishedNote(factors),
        ...GENERAL_NOTES.slice(2),
        factors.usePolicies.workstation.note,
        factors.usePolicies.meeting_room.note,
        factors.cloud.notes,
        factors.electricity.waterNote,
        factors.electricity.mappingNote,
        ...(factors.electricity.carbon.FR.exception ? [factors.electricity.carbon.FR.exception] : []),
      ],
    },
    sources,
    notes,
  };
}

/** What the estimate counts (by part of the organisation's digital footprint) and what it leaves out, and why. */
function buildScope(
  devices: DeviceFootprint[],
  notInventoried: DeviceType[],
  declaredNone: DeviceType[],
  factors: FootprintFactors,
  cloudAnswered: boolean,
  cloudUsed: boolean,
): FootprintScope {
  const estimated: ScopeEntry[] = [];
  const notEstimated: ScopeEntry[] = [];
  const counted = (d: DeviceFootprint, lang: 'fr' | 'en') => {
    if (d.device === 'cloud') {
      const c = d.cloud as NonNullable<DeviceFootprint['cloud']>;
      return lang === 'fr'
        ? `${formatNumber(c.vcpus, 'fr')} vCPU et ${formatNumber(c.storageTb, 'fr')} To de stockage`
        : `${formatNumber(c.vcpus, 'en')} vCPUs and ${formatNumber(c.storageTb, 'en')} TB of storage`;
    }
    const f = factors.devices[d.device];
    const noun = d.count === 1 ? f.noun.one[lang] : f.noun.other[lang];
    const pue = d.use?.pue != null && d.device === 'server' ? ` (PUE ${formatNumber(d.use.pue, lang)})` : '';
    return `${formatNumber(d.count, lang)} ${noun}${pue}`;
  };
  const scopes: ScopeId[] = ['user_devices', 'meeting_rooms', 'printing', 'network', 'servers', 'cloud'];
  for (const scope of scopes) {
    const inScope = devices.filter((d) => d.scope === scope && d.estimated);
    if (inScope.length === 0) continue;
    estimated.push({
      id: scope,
      label: SCOPE_LABELS[scope],
      detail: {
        fr: `${listJoin(
          inScope.map((d) => counted(d, 'fr')),
          'fr',
        )} : fabrication et usage.`,
        en: `${listJoin(
          inScope.map((d) => counted(d, 'en')),
          'en',
        )}: manufacturing and use.`,
      },
    });
  }
  for (const d of devices.filter((x) => !x.estimated)) {
    const f = factors.devices[d.device as DeviceType];
    const reason = f.notEstimatedReason ?? { fr: 'non estimé.', en: 'not estimated.' };
    notEstimated.push({
      id: `device.${d.device}`,
      label: f.label,
      detail: { fr: `${counted(d, 'fr')} ${reason.fr}`, en: `${counted(d, 'en')} ${reason.en}` },
    });
  }
  const missing = notInventoried;
  if (missing.length > 0) {
    notEstimated.push({
      id: 'not_inventoried',
      label: { fr: 'Appareils non inventoriés', en: 'Devices not inventoried' },
      detail: {
        fr: `${listJoin(
          missing.map((d) => factors.devices[d].noun.other.fr),
          'fr',
        )} : aucun nombre répondu.`,
        en: `${listJoin(
          missing.map((d) => factors.devices[d].noun.other.en),
          'en',
        )}: no count answered.`,
      },
    });
  }
  if (!cloudUsed) {
    notEstimated.push({
      id: 'cloud',
      label: SCOPE_LABELS.cloud,
      detail: cloudAnswered
        ? { fr: 'déclaré sans vCPU ni stockage.', en: 'declared with no vCPU and no storage.' }
        : {
            fr: 'ni vCPU ni stockage répondus : non estimé.',
            en: 'no vCPU or storage answered: not estimated.',
          },
    });
  } else {
    notEstimated.push({
      id: 'cloud_partial',
      label: { fr: 'Part du cloud non comptée', en: 'Cloud parts not counted' },
      detail: {
        fr: 'fabrication du stockage, mémoire au-delà de la moyenne des serveurs, réseau du centre de données.',
        en: "manufacture of storage, memory beyond the server average, the data centre's network.",
      },
    });
  }
  notEstimated.push(...ALWAYS_LEFT_OUT);
  return { estimated, notEstimated };
}

function buildDisplay(totals: Record<Criterion, CriterionTotal>, perPerson: PerPerson | null, scope: FootprintScope): FootprintDisplay {
  const text = (c: Criterion, value: number | null, low: number | null, high: number | null): I18nText => ({
    fr: formatFigure(value, c, 'fr', { low, high }),
    en: formatFigure(value, c, 'en', { low, high }),
  });
  const left = (lang: 'fr' | 'en') =>
    listJoin(
      scope.notEstimated.map((e) => e.label[lang].charAt(0).toLowerCase() + e.label[lang].slice(1)),
      lang,
    );
  return {
    totals: Object.fromEntries(CRITERIA.map((c) => [c, text(c, totals[c].total, totals[c].low.total, totals[c].high.total)])) as Record<
      Criterion,
      I18nText
    >,
    perPerson: perPerson
      ? (Object.fromEntries(
          CRITERIA.map((c) => {
            const v = perPerson.values[c];
            return [c, text(c, v?.value ?? null, v?.low ?? null, v?.high ?? null)];
          }),
        ) as Record<Criterion, I18nText>)
      : null,
    perPersonLabel: perPerson ? { fr: `par ${perPerson.person.one.fr}`, en: `per ${perPerson.person.one.en}` } : null,
    leavesOut: {
      fr: `Ne compte pas : ${left('fr')}.`,
      en: `Leaves out: ${left('en')}.`,
    },
  };
}

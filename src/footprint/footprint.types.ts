/**
 * Types of the footprint module: reference factors (the shape of
 * `templates/footprint-factors.json`, version 2), the inventory, and the results.
 * Pure types, no runtime dependency.
 */
import { CRITERION_TERMS } from '../questionnaires/terms.js';
import type { FootprintLever, I18nText } from '../questionnaires/template.types.js';

export type { FootprintLever, I18nText };

/** Environmental criteria of the estimate. The keys are stable; their names are in the factors file (`criteria`). */
export type Criterion = 'climate' | 'minerals' | 'fossil' | 'rawMaterial' | 'water';

export const CRITERIA: readonly Criterion[] = ['climate', 'minerals', 'fossil', 'rawMaterial', 'water'];

/** Unit of each criterion. */
export const CRITERION_UNITS: Readonly<Record<Criterion, string>> = {
  climate: 'kg CO2e',
  minerals: 'kg Sb eq',
  fossil: 'MJ',
  rawMaterial: 'kg',
  water: 'L',
};

/** Names of the criteria (the domain's table of terms). */
export const CRITERION_LABELS: Readonly<Record<Criterion, I18nText>> = CRITERION_TERMS;

/** Device types of the inventory, in the order results list them. */
export type DeviceType =
  'laptop' | 'desktop' | 'monitor' | 'smartphone' | 'tablet' | 'meeting_screen' | 'printer' | 'network_box' | 'network_switch' | 'server';

export const DEVICE_TYPES: readonly DeviceType[] = [
  'laptop',
  'desktop',
  'monitor',
  'smartphone',
  'tablet',
  'meeting_screen',
  'printer',
  'network_box',
  'network_switch',
  'server',
];

/** A part of the result: a device type, or the cloud (vCPU and storage). */
export type FootprintItem = DeviceType | 'cloud';

/** Zones with an electricity carbon-intensity figure. */
export type CarbonZone = 'FR' | 'EU27' | 'WORLD' | 'DE' | 'ES' | 'IT' | 'BE' | 'GB' | 'PL' | 'SE' | 'US' | 'CN';
export const CARBON_ZONES: readonly CarbonZone[] = ['FR', 'EU27', 'WORLD', 'DE', 'ES', 'IT', 'BE', 'GB', 'PL', 'SE', 'US', 'CN'];

/** Zones with electricity minerals / fossil figures. */
export type ResourceZone = 'FR' | 'EUROPE' | 'WORLD';
export const RESOURCE_ZONES: readonly ResourceZone[] = ['FR', 'EUROPE', 'WORLD'];

/** Parts of an organisation's digital footprint, for "what is counted, what is not". */
export type ScopeId = 'user_devices' | 'meeting_rooms' | 'printing' | 'network' | 'servers' | 'cloud';

/** Switch-off behaviours that set the use phase outside active hours. */
export type UsePolicyGroup = 'workstation' | 'meeting_room';
export const USE_POLICY_GROUPS: readonly UsePolicyGroup[] = ['workstation', 'meeting_room'];

/** How a device type is used: a working profile, always on, only while used (battery devices), or not estimated. */
export type UseKind = 'working' | 'always_on' | 'active_only' | 'none';

// ---------------------------------------------------------------------------
// Reference factors (templates/footprint-factors.json)
// ---------------------------------------------------------------------------

/** Key into `FootprintFactors.sources`, e.g. "A". */
export type SourceKey = string;

export interface SourceRef {
  title: string;
  publisher: string;
  /** Year of the data (every source has one). */
  year: number;
  /** Where to find it: repository and file, or address. */
  reference: string;
}

/** Another source's value for the same figure: it widens the range, never the central value. */
export interface AlternativeFigure {
  value: number;
  source: SourceKey;
  row: string;
}

/**
 * A figure, the key of its source and the dataset row (or rule, or page) it comes from. Its range:
 * `low` and `high` when the source publishes a spread, else the lowest and highest of the value and
 * its `alternatives` (the range of sources), else the value itself. A missing figure is `null`, never 0.
 */
export interface SourcedFigure {
  value: number;
  source: SourceKey;
  row: string;
  low?: number;
  high?: number;
  alternatives?: AlternativeFigure[];
}

export interface RefurbishedAvoided {
  /** Lowest share of impacts avoided by a refurbished device instead of a new one, over the study's indicators (0..1). */
  low: number;
  /** Highest share (0..1). */
  high: number;
  source: SourceKey;
  row: string;
}

export interface CriterionInfo {
  label: I18nText;
  short: I18nText;
  unit: string;
  /** The indicator and its method, as the source defines it. */
  indicator: I18nText;
}

export interface DeviceUseFactors {
  kind: UseKind;
  /** For `working` devices: which switch-off answer sets the hours outside active hours. */
  policy?: UsePolicyGroup;
  /** For `working` and `active_only` devices: hours on a working day. */
  activeHoursPerDay?: SourcedFigure;
  /** Hours a day in ADEME's personal-use profile (reference only). */
  ademeHoursPerDay?: SourcedFigure;
}

export interface DeviceFactors {
  label: I18nText;
  /** Lower-case nouns for sentences ("120 laptops"). */
  noun: { one: I18nText; other: I18nText };
  scope: ScopeId;
  /** False: counted, not estimated (`notEstimatedReason` says why). */
  estimated: boolean;
  notEstimatedReason?: I18nText;
  /** Why a criterion has no figure, where there is more to say than "no figure". */
  notEstimated?: Partial<Record<Criterion, I18nText>>;
  /** Figures kept for reference, not used by the computation. */
  reference?: Record<string, SourcedFigure>;
  /** Climate by life-cycle phase [A], when the climate figure is their sum. */
  climateParts: { manufacturing: SourcedFigure; distribution: SourcedFigure; endOfLife: SourcedFigure } | null;
  /** Whole-life embodied impact of one new device, per criterion; null = not estimated. */
  embodied: Record<Criterion, SourcedFigure | null>;
  defaultLifespanYears: SourcedFigure;
  /** Power in each mode: active (on), standby (asleep), off. */
  power: { active: SourcedFigure | null; standby: SourcedFigure | null; off: SourcedFigure | null };
  /** Servers: power usage effectiveness of the room. */
  pue?: SourcedFigure;
  use: DeviceUseFactors;
  /** Null: no figure, so a refurbished share does not reduce the estimate. */
  refurbishedAvoided: RefurbishedAvoided | null;
}

/** Shares (0..1, adding up to 1) of the hours outside active hours spent on, asleep and off. */
export interface ModeShares {
  on?: number;
  standby?: number;
  off?: number;
}

export interface PolicyShares {
  central: ModeShares;
  low: ModeShares;
  high: ModeShares;
}

export interface UsePolicyFactors {
  label: I18nText;
  /** By answer (an option id, or "true" / "false" for a yes/no question). */
  answers: Record<string, PolicyShares>;
  /** When the question is not answered. */
  default: PolicyShares;
  /** The answer the switch-off lever aims at. */
  target: string;
  source: SourceKey;
  note: I18nText;
}

export interface CloudFactors {
  label: I18nText;
  noun: { one: I18nText; other: I18nText };
  scope: ScopeId;
  vcpuPowerW: SourcedFigure;
  pue: SourcedFigure;
  storageWhPerTbHour: SourcedFigure;
  storageReplication: SourcedFigure;
  serverLifespanYears: SourcedFigure;
  vcpusPerServer: SourcedFigure;
  notes: I18nText;
}

export interface CarbonZoneFactor {
  label: I18nText;
  kgCo2ePerKwh: number;
  source: SourceKey;
  year: number;
  row: string;
  alternatives?: AlternativeFigure[];
  /** Why this zone does not use the common source. */
  exception?: I18nText;
}

export interface ResourceZoneFactor {
  label: I18nText;
  mineralsKgSbEqPerKwh: number;
  fossilMjPerKwh: number;
  source: SourceKey;
  year: number;
  row: string;
}

export interface CountryMapping {
  carbon: CarbonZone;
  resources: ResourceZone;
}

export interface ElectricityFactors {
  carbon: Record<CarbonZone, CarbonZoneFactor>;
  /** The one source and year of every carbon zone, except the zones listed. */
  carbonSource: { source: SourceKey; year: number; exceptions: CarbonZone[] };
  resources: Record<ResourceZone, ResourceZoneFactor>;
  /** Always null: no open water factor for electricity. */
  waterLPerKwh: null;
  waterNote: I18nText;
  /** Keys: ISO alpha-2 codes with their own carbon figure, plus OTHER_EU and OTHER. */
  countries: Record<string, CountryMapping> & { OTHER_EU: CountryMapping; OTHER: CountryMapping };
  countryAliases: Record<string, string>;
  /** ISO alpha-2 codes of the EU-27: those without their own entry use OTHER_EU. */
  euMemberStates: string[];
  mappingNote: I18nText;
}

export interface LeverAssumptions {
  source: SourceKey;
  lifespan: {
    /** Target lifespan in years per device type; a type without a target is not concerned. */
    targetYears: Partial<Record<DeviceType, number>>;
    /** When the current lifespan already reaches the target: keep devices this many years longer. */
    stepYearsAtOrAboveTarget: number;
  };
  refurbished: {
    /** Target refurbished share (0..1) for device types that have an avoided-impact range. */
    targetShare: number;
    /** When the current share already reaches the target: raise it by this much (capped at 1). */
    stepAtOrAboveTarget: number;
  };
  fewer_screens: {
    /** Meeting-room screens removed when the organisation has at least that many. */
    meetingScreensRemoved: number;
    /** Share of monitors removed (rounded down to whole monitors). */
    monitorShareRemoved: number;
  };
  switch_off: {
    /** Behaviours moved to their target answer. */
    policies: UsePolicyGroup[];
  };
}

export interface FactorsChange {
  version: number;
  /** ISO date. */
  date: string;
  changes: string[];
}

export interface FootprintFactors {
  version: number;
  description?: I18nText;
  changelog: FactorsChange[];
  criteria: Record<Criterion, CriterionInfo>;
  sources: Record<SourceKey, SourceRef>;
  profile: { workingDaysPerYear: SourcedFigure; hoursPerYear: SourcedFigure; text: I18nText };
  usePolicies: Record<UsePolicyGroup, UsePolicyFactors>;
  devices: Record<DeviceType, DeviceFactors>;
  cloud: CloudFactors;
  electricity: ElectricityFactors;
  levers: LeverAssumptions;
}

// ---------------------------------------------------------------------------
// Inventory (input)
// ---------------------------------------------------------------------------

export interface DeviceInventory {
  /** Number of devices; null = not answered ("not inventoried"). */
  count: number | null;
  /** Average lifespan in years; null = not answered (the default lifespan is used). */
  lifespanYears: number | null;
  /** Refurbished share as a FRACTION 0..1 (the answer is a percent, divided by 100); null = not answered (0 is used). */
  refurbishedShare: number | null;
  /** Active hours a working day; null = the working profile's hours. */
  hoursPerDay?: number | null;
}

export interface CloudInventory {
  /** Average number of vCPUs running over the year; null = not answered. */
  vcpus: number | null;
  /** Storage allocated, in terabytes; null = not answered. */
  storageTb: number | null;
}

export interface Inventory {
  /** ISO 3166 alpha-2 code, or 'OTHER_EU' / 'OTHER'; null = not answered (World figures). */
  country: string | null;
  employees: number | null;
  /** Kind of organisation (company, public_body, association), which names the person; null = not asked. */
  organisationKind?: string | null;
  /** A device type that is absent counts as not inventoried. */
  devices: Partial<Record<DeviceType, DeviceInventory>>;
  /** The switch-off answers, by behaviour: an option id or "true" / "false"; absent or null = not answered. */
  policies?: Partial<Record<UsePolicyGroup, string | null>>;
  cloud?: CloudInventory | null;
  /** The server room's PUE, when the organisation knows it; null = the default. */
  serverPue?: number | null;
}

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

export type Part = 'embodied' | 'use';
export type ValueSource = 'answered' | 'default';

export interface PartFigures {
  embodied: number | null;
  use: number | null;
  total: number | null;
}

/**
 * Yearly impact of one criterion. `null` = not estimated (no figure), never 0. `low` and `high`
 * bound each part (same nulls): from the sources' range, the refurbished range and the switch-off
 * behaviours' range; the central figures lie between them.
 */
export interface CriterionParts extends PartFigures {
  low: PartFigures;
  high: PartFigures;
}

export type FootprintNoteCode =
  | 'climate_embodied_manufacturing_only'
  | 'refurbished_no_avoided_figure'
  | 'use_not_estimated_no_power'
  | 'not_estimated_device'
  | 'invalid_lifespan_ignored'
  | 'invalid_refurbished_share_ignored'
  | 'invalid_hours_ignored'
  | 'unknown_policy_answer'
  | 'invalid_pue_ignored';

export interface FootprintNote {
  code: FootprintNoteCode;
  device?: FootprintItem;
  text: I18nText;
}

/** Hours a year in each mode, for all the devices of one type (per device: divide nothing, they are per device). */
export interface ModeHours {
  /** Active hours (the working profile, or 24 h x 365 for always-on devices). */
  active: number;
  /** Hours outside active hours left on. */
  on: number;
  standby: number;
  off: number;
}

export interface DeviceUse {
  kind: UseKind;
  /** The behaviour that sets the hours outside active hours, and the answer used. */
  policy: { group: UsePolicyGroup; answer: string | null; source: ValueSource } | null;
  /** Hours a year of ONE device in each mode (central). */
  hours: ModeHours;
  /** Power in each mode, W (central); null when the mode does not apply. */
  powerW: { active: number | null; standby: number | null; off: number | null };
  /** Servers: the room's PUE (central), and whether it was answered. */
  pue: number | null;
  pueSource: ValueSource | null;
  kWhLow: number | null;
  kWhHigh: number | null;
}

export interface DeviceFootprint {
  device: FootprintItem;
  label: I18nText;
  scope: ScopeId;
  /** False: counted but not estimated (every figure is null). */
  estimated: boolean;
  /** Number of devices (for the cloud: vCPUs). */
  count: number;
  lifespanYears: number;
  lifespanSource: ValueSource;
  defaultLifespanYears: number;
  /** Fraction 0..1. */
  refurbishedShare: number;
  refurbishedShareSource: ValueSource;
  /** The avoided-impact range of the device type, or null (no reduction applied). */
  refurbishedAvoided: { low: number; high: number } | null;
  /** Multiplier applied to the embodied impact: 1 - refurbishedShare x low end (1 when no range). */
  embodiedFactor: number;
  /** Active hours a working day (24 for always-on devices). */
  hoursPerDay: number;
  hoursSource: ValueSource;
  /** Days a year of active use. */
  daysPerYear: number;
  /** Yearly electricity of all devices of this type (central, PUE included); null when not estimated. */
  kWhPerYear: number | null;
  /** How the use phase is counted; null when it is not estimated. */
  use: DeviceUse | null;
  /** Whole-life embodied impact of ONE new device (before lifespan and refurbished); null = no figure. */
  unitEmbodied: Record<Criterion, number | null>;
  unitEmbodiedLow: Record<Criterion, number | null>;
  unitEmbodiedHigh: Record<Criterion, number | null>;
  /** Yearly impacts of all devices of this type. */
  perCriterion: Record<Criterion, CriterionParts>;
  /** Cloud only: what was answered. */
  cloud?: { vcpus: number; storageTb: number; kWhCompute: number; kWhStorage: number };
  notes: FootprintNote[];
}

export interface NotEstimatedPart {
  device: FootprintItem;
  part: Part;
}

export interface CriterionTotal extends CriterionParts {
  /** Parts of inventoried devices left out of the total because they have no figure. */
  notEstimated: NotEstimatedPart[];
}

export interface ElectricityUsed {
  /** The country as answered (upper-cased), or null. */
  country: string | null;
  countrySource: ValueSource;
  /** The row of the country table used: an ISO code, 'OTHER_EU' or 'OTHER'. */
  mappedAs: string;
  carbonZone: CarbonZone;
  carbonLabel: I18nText;
  kgCo2ePerKwh: number;
  kgCo2ePerKwhLow: number;
  kgCo2ePerKwhHigh: number;
  carbonSource: SourceKey;
  carbonYear: number;
  resourceZone: ResourceZone;
  resourceLabel: I18nText;
  mineralsKgSbEqPerKwh: number;
  fossilMjPerKwh: number;
  resourceSource: SourceKey;
  resourceYear: number;
  /** Always null: use-phase water is not estimated. */
  waterLPerKwh: null;
}

export interface DeviceAssumption {
  device: FootprintItem;
  lifespanYears: number;
  lifespanSource: ValueSource;
  defaultLifespanYears: number;
  hoursPerDay: number;
  hoursSource: ValueSource;
  daysPerYear: number;
  refurbishedShare: number;
  refurbishedAvoided: { low: number; high: number } | null;
}

export interface FootprintAssumptions {
  workingProfile: { text: I18nText; source: SourceKey };
  devices: DeviceAssumption[];
  /** Method notes to print with the results (what is and is not estimated). */
  notes: I18nText[];
}

/** One part of the organisation's digital footprint, estimated or not, with why. */
export interface ScopeEntry {
  id: string;
  label: I18nText;
  detail: I18nText;
}

export interface FootprintScope {
  estimated: ScopeEntry[];
  notEstimated: ScopeEntry[];
}

/** A figure with its range, as summaries show it. */
export interface RangedValue {
  value: number;
  low: number;
  high: number;
}

export interface PerPerson {
  /** The question the number of people comes from. */
  basis: string;
  people: number;
  /** Who the person is: employee, agent, staff member... (from the kind of organisation). */
  person: { one: I18nText; other: I18nText };
  /** The kind of organisation answered, or null. */
  kind: string | null;
  /** Yearly total per person; null = not estimated. */
  values: Record<Criterion, RangedValue | null>;
}

/** Summary texts, two significant digits and the range, in both languages (the web and the PDF show these). */
export interface FootprintDisplay {
  totals: Record<Criterion, I18nText>;
  perPerson: Record<Criterion, I18nText> | null;
  /** "per employee" / "par salarié". */
  perPersonLabel: I18nText | null;
  /** One sentence: what the total leaves out. */
  leavesOut: I18nText;
}

export interface FootprintResult {
  /** Version of templates/footprint-factors.json the figures come from. */
  factorsVersion: number;
  units: Record<Criterion, string>;
  /** Names and methods of the criteria. */
  criteria: Record<Criterion, { label: I18nText; indicator: I18nText }>;
  /** Inventoried device types with count > 0, in DEVICE_TYPES order, then the cloud when answered. */
  devices: DeviceFootprint[];
  /** Device types with no count answered. */
  notInventoried: DeviceType[];
  /** Device types answered with a count of 0. */
  declaredNone: DeviceType[];
  totals: Record<Criterion, CriterionTotal>;
  employees: number | null;
  /** Totals divided by the number of employees; null when unknown or 0. Kept for clients of version 1: see `perPerson`. */
  perEmployee: Record<Criterion, number | null> | null;
  perPerson: PerPerson | null;
  /** What the footprint counts and what it leaves out. */
  scope: FootprintScope;
  display: FootprintDisplay;
  electricity: ElectricityUsed;
  assumptions: FootprintAssumptions;
  /** Sources of the figures used, for the methodology page. */
  sources: Array<SourceRef & { key: SourceKey }>;
  notes: FootprintNote[];
}

// ---------------------------------------------------------------------------
// Savings
// ---------------------------------------------------------------------------

export interface LeverDeviceSaving {
  device: FootprintItem;
  count: number;
  /** Lifespan (years), refurbished share (0..1), devices, or use-phase kWh a year: before and after. */
  from: number;
  to: number;
  perCriterion: Record<Criterion, number | null>;
  /** Low and high of the saving on this device type. */
  low?: Record<Criterion, number | null>;
  high?: Record<Criterion, number | null>;
}

export interface LeverSaving {
  lever: FootprintLever;
  /** False when nothing in the inventory can be acted on: the figures are null and `reason` says why. */
  applicable: boolean;
  reason: I18nText | null;
  /** Yearly savings (the figure the plan promises: the low end of the refurbished range); null where not estimated. */
  perCriterion: Record<Criterion, number | null> | null;
  climateKgCo2ePerYear: number | null;
  /** Fraction (0..1) of the total climate footprint; null when the total is not estimated. */
  shareOfClimateTotal: number | null;
  /** Low and high savings of every applicable lever (version 1 gave it for refurbished only). */
  range: { low: Record<Criterion, number | null>; high: Record<Criterion, number | null> } | null;
  perDevice: LeverDeviceSaving[];
  /** The assumption with the numbers filled in. */
  description: I18nText | null;
  /** How the saving is computed, in general terms. */
  method: I18nText;
  /** Version of the factors the saving was computed with. */
  factorsVersion?: number;
}

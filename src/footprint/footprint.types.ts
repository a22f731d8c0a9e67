/**
 * Types of the footprint module: reference factors (the shape of
 * `templates/footprint-factors.json`), the inventory, and the results.
 * Pure types, no runtime dependency.
 */
import type { FootprintLever, I18nText } from '../questionnaires/template.types.js';

export type { FootprintLever, I18nText };

/** Environmental criteria of the estimate. */
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

/** Names of the criteria, for a report. */
export const CRITERION_LABELS: Readonly<Record<Criterion, I18nText>> = {
  climate: { fr: 'Changement climatique', en: 'Climate change' },
  minerals: { fr: 'Ressources minérales et métaux', en: 'Minerals and metals' },
  fossil: { fr: 'Ressources fossiles', en: 'Fossil resources' },
  rawMaterial: { fr: 'Matières premières mobilisées', en: 'Raw material mobilised' },
  water: { fr: 'Eau', en: 'Water' },
};

export type DeviceType = 'laptop' | 'desktop' | 'monitor' | 'smartphone' | 'tablet' | 'meeting_screen' | 'server';

export const DEVICE_TYPES: readonly DeviceType[] = ['laptop', 'desktop', 'monitor', 'smartphone', 'tablet', 'meeting_screen', 'server'];

/** Zones with an electricity carbon-intensity figure. */
export type CarbonZone = 'FR' | 'EU27' | 'WORLD' | 'DE' | 'ES' | 'IT' | 'BE' | 'GB' | 'PL' | 'SE' | 'US' | 'CN';
export const CARBON_ZONES: readonly CarbonZone[] = ['FR', 'EU27', 'WORLD', 'DE', 'ES', 'IT', 'BE', 'GB', 'PL', 'SE', 'US', 'CN'];

/** Zones with electricity minerals / fossil figures. */
export type ResourceZone = 'FR' | 'EUROPE' | 'WORLD';
export const RESOURCE_ZONES: readonly ResourceZone[] = ['FR', 'EUROPE', 'WORLD'];

// ---------------------------------------------------------------------------
// Reference factors (templates/footprint-factors.json)
// ---------------------------------------------------------------------------

/** Key into `FootprintFactors.sources`, e.g. "A". */
export type SourceKey = string;

export interface SourceRef {
  title: string;
  publisher: string;
  /** Year of the data; null when the source gives it per figure or does not state it. */
  year: number | null;
  /** Where to find it: repository and file, or address. */
  reference: string;
}

/** A figure and the key of its source. A missing figure is `null`, never 0. */
export interface SourcedFigure {
  value: number;
  source: SourceKey;
}

export interface RefurbishedAvoided {
  /** Low end of the share of impacts avoided by a refurbished device instead of a new one (0..1). */
  low: number;
  /** High end (0..1). */
  high: number;
  source: SourceKey;
}

export interface DeviceFactors {
  label: I18nText;
  /** Lower-case nouns for sentences ("120 laptops"). */
  noun: { one: I18nText; other: I18nText };
  /** Climate, manufacturing, per unit [A]/[C]. */
  manufacturingKgCo2e: SourcedFigure | null;
  /** Climate, distribution, per unit [A]. */
  distributionKgCo2e: SourcedFigure | null;
  /** Climate, end of life, per unit [A]. */
  endOfLifeKgCo2e: SourcedFigure | null;
  /** Minerals and metals, whole-life embodied, per unit [B]. */
  mineralsKgSbEq: SourcedFigure | null;
  /** Fossil resources, whole-life embodied, per unit [B]. */
  fossilMj: SourcedFigure | null;
  /** Raw material mobilised, per unit [B]. */
  rawMaterialKg: SourcedFigure | null;
  /** Water of manufacture, per unit [A]. */
  waterL: SourcedFigure | null;
  /** [B]'s whole-life climate figure: reference only, not used ([A] is used for climate). */
  wholeLifeClimateKgCo2eB: SourcedFigure | null;
  defaultLifespanYears: SourcedFigure;
  powerW: SourcedFigure | null;
  /** Hours a day in ADEME's personal-use profile (reference only). */
  ademeHoursPerDay: SourcedFigure | null;
  /** Hours a day of the working profile used by this product. */
  hoursPerDay: SourcedFigure;
  /** Days a year of the working profile used by this product. */
  daysPerYear: SourcedFigure;
  /** Null: no figure, so a refurbished share does not reduce the estimate. */
  refurbishedAvoided: RefurbishedAvoided | null;
}

export interface CarbonZoneFactor {
  label: I18nText;
  kgCo2ePerKwh: number;
  source: SourceKey;
  /** Null when the source does not state it. */
  year: number | null;
  note?: string;
}

export interface ResourceZoneFactor {
  label: I18nText;
  mineralsKgSbEqPerKwh: number;
  fossilMjPerKwh: number;
  source: SourceKey;
  year: number | null;
}

export interface CountryMapping {
  carbon: CarbonZone;
  resources: ResourceZone;
}

export interface ElectricityFactors {
  carbon: Record<CarbonZone, CarbonZoneFactor>;
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
    /** Target lifespan in years per device type. */
    targetYears: Record<DeviceType, number>;
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
    devices: DeviceType[];
    /** Share of the daily hours on that switching off removes. */
    hoursCutShare: number;
  };
}

export interface FootprintFactors {
  version: number;
  description?: I18nText;
  sources: Record<SourceKey, SourceRef>;
  ademeProfileDaysPerYear: SourcedFigure;
  workingProfile: { source: SourceKey; text: I18nText };
  devices: Record<DeviceType, DeviceFactors>;
  /** Figures kept for reference, not used by the computation. */
  referenceOnlyDevices?: unknown;
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
  /** Hours a day the devices are on; null = the working profile's hours. */
  hoursPerDay?: number | null;
}

export interface Inventory {
  /** ISO 3166 alpha-2 code, or 'OTHER_EU' / 'OTHER'; null = not answered (World figures). */
  country: string | null;
  employees: number | null;
  /** A device type that is absent counts as not inventoried. */
  devices: Partial<Record<DeviceType, DeviceInventory>>;
}

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

export type Part = 'embodied' | 'use';
export type ValueSource = 'answered' | 'default';

/** Yearly impact of one criterion. `null` = not estimated (no figure), never 0. */
export interface CriterionParts {
  embodied: number | null;
  use: number | null;
  /** Sum of the estimated parts; null when neither is estimated. */
  total: number | null;
}

export type FootprintNoteCode =
  | 'climate_embodied_manufacturing_only'
  | 'refurbished_no_avoided_figure'
  | 'use_not_estimated_no_power'
  | 'invalid_lifespan_ignored'
  | 'invalid_refurbished_share_ignored'
  | 'invalid_hours_ignored';

export interface FootprintNote {
  code: FootprintNoteCode;
  device?: DeviceType;
  text: I18nText;
}

export interface DeviceFootprint {
  device: DeviceType;
  label: I18nText;
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
  hoursPerDay: number;
  hoursSource: ValueSource;
  daysPerYear: number;
  /** Yearly electricity of all devices of this type; null when the power is unknown. */
  kWhPerYear: number | null;
  /** Whole-life embodied impact of ONE new device (before lifespan and refurbished); null = no figure. */
  unitEmbodied: Record<Criterion, number | null>;
  /** Yearly impacts of all devices of this type. */
  perCriterion: Record<Criterion, CriterionParts>;
  notes: FootprintNote[];
}

export interface NotEstimatedPart {
  device: DeviceType;
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
  carbonSource: SourceKey;
  carbonYear: number | null;
  resourceZone: ResourceZone;
  resourceLabel: I18nText;
  mineralsKgSbEqPerKwh: number;
  fossilMjPerKwh: number;
  resourceSource: SourceKey;
  resourceYear: number | null;
  /** Always null: use-phase water is not estimated. */
  waterLPerKwh: null;
}

export interface DeviceAssumption {
  device: DeviceType;
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

export interface FootprintResult {
  factorsVersion: number;
  units: Record<Criterion, string>;
  /** Inventoried device types with count > 0, in DEVICE_TYPES order. */
  devices: DeviceFootprint[];
  /** Device types with no count answered. */
  notInventoried: DeviceType[];
  /** Device types answered with a count of 0. */
  declaredNone: DeviceType[];
  totals: Record<Criterion, CriterionTotal>;
  employees: number | null;
  /** Totals divided by the number of employees; null when unknown or 0. */
  perEmployee: Record<Criterion, number | null> | null;
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
  device: DeviceType;
  count: number;
  /** Lifespan (years), refurbished share (0..1), devices, or hours a day: before and after. */
  from: number;
  to: number;
  perCriterion: Record<Criterion, number | null>;
}

export interface LeverSaving {
  lever: FootprintLever;
  /** False when nothing in the inventory can be acted on: the figures are null and `reason` says why. */
  applicable: boolean;
  reason: I18nText | null;
  /** Yearly savings (low end where there is a range); null where not estimated. */
  perCriterion: Record<Criterion, number | null> | null;
  climateKgCo2ePerYear: number | null;
  /** Fraction (0..1) of the total climate footprint; null when the total is not estimated. */
  shareOfClimateTotal: number | null;
  /** Low and high savings, only for levers with a range (refurbished). */
  range: { low: Record<Criterion, number | null>; high: Record<Criterion, number | null> } | null;
  perDevice: LeverDeviceSaving[];
  /** The assumption with the numbers filled in. */
  description: I18nText | null;
  /** How the saving is computed, in general terms. */
  method: I18nText;
}

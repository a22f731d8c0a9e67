/**
 * Pure validation of the reference factors (the parsed `templates/footprint-factors.json`).
 * A malformed file is refused with a message naming the file and the field.
 */
import { CARBON_ZONES, DEVICE_TYPES, RESOURCE_ZONES, type FootprintFactors } from './footprint.types.js';

export class FootprintFactorsError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'FootprintFactorsError';
  }
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates `data` and returns it typed. Throws FootprintFactorsError on the first problem. */
export function validateFootprintFactors(data: unknown, file = 'footprint-factors.json'): FootprintFactors {
  const fail = (field: string, problem: string): never => {
    throw new FootprintFactorsError(file, field, problem);
  };
  const get = (obj: Obj, key: string, path: string): unknown => {
    if (!Object.hasOwn(obj, key) || obj[key] === undefined) fail(path, 'is missing');
    return obj[key];
  };
  const object = (obj: Obj, key: string, path: string): Obj => {
    const v = get(obj, key, path);
    if (!isObject(v)) fail(path, 'must be an object');
    return v as Obj;
  };
  const string = (obj: Obj, key: string, path: string): string => {
    const v = get(obj, key, path);
    if (typeof v !== 'string' || v.trim() === '') fail(path, 'must be a non-empty string');
    return v as string;
  };
  const number = (obj: Obj, key: string, path: string, check: (n: number) => boolean = () => true, expected = 'a number'): number => {
    const v = get(obj, key, path);
    if (typeof v !== 'number' || !Number.isFinite(v) || !check(v)) fail(path, `must be ${expected}`);
    return v as number;
  };
  const nullableYear = (obj: Obj, key: string, path: string): void => {
    const v = get(obj, key, path);
    if (v !== null && (typeof v !== 'number' || !Number.isInteger(v))) fail(path, 'must be a year (integer) or null');
  };
  const i18n = (obj: Obj, key: string, path: string): void => {
    const v = object(obj, key, path);
    string(v, 'fr', `${path}.fr`);
    string(v, 'en', `${path}.en`);
  };

  if (!isObject(data)) return fail('(root)', 'must be a JSON object');
  const root = data as Obj;
  number(root, 'version', 'version', (n) => Number.isInteger(n) && n >= 1, 'a positive integer');

  const sources = object(root, 'sources', 'sources');
  if (Object.keys(sources).length === 0) fail('sources', 'must list at least one source');
  for (const [key, value] of Object.entries(sources)) {
    const path = `sources.${key}`;
    if (!isObject(value)) fail(path, 'must be an object');
    const s = value as Obj;
    string(s, 'title', `${path}.title`);
    string(s, 'publisher', `${path}.publisher`);
    nullableYear(s, 'year', `${path}.year`);
    string(s, 'reference', `${path}.reference`);
  }
  const sourceKey = (obj: Obj, key: string, path: string): void => {
    const k = string(obj, key, path);
    if (!Object.hasOwn(sources, k)) fail(path, `names source "${k}", which is not in "sources"`);
  };
  /** A figure: { value >= 0, source } (or null when `nullable`). */
  const figure = (
    obj: Obj,
    key: string,
    path: string,
    nullable: boolean,
    check: (n: number) => boolean = (n) => n >= 0,
    expected = 'a number >= 0',
  ): void => {
    const v = get(obj, key, path);
    if (v === null) {
      if (!nullable) fail(path, 'is required (null is not allowed here)');
      return;
    }
    if (!isObject(v)) fail(path, `must be { "value": ${expected}, "source": key }${nullable ? ' or null' : ''}`);
    number(v as Obj, 'value', `${path}.value`, check, expected);
    sourceKey(v as Obj, 'source', `${path}.source`);
  };

  figure(root, 'ademeProfileDaysPerYear', 'ademeProfileDaysPerYear', false, (n) => n > 0 && n <= 366, 'a number of days in (0, 366]');
  const profile = object(root, 'workingProfile', 'workingProfile');
  sourceKey(profile, 'source', 'workingProfile.source');
  i18n(profile, 'text', 'workingProfile.text');

  const devices = object(root, 'devices', 'devices');
  for (const device of DEVICE_TYPES) {
    const path = `devices.${device}`;
    const d = object(devices, device, path);
    i18n(d, 'label', `${path}.label`);
    const nounObj = object(d, 'noun', `${path}.noun`);
    i18n(nounObj, 'one', `${path}.noun.one`);
    i18n(nounObj, 'other', `${path}.noun.other`);
    for (const key of [
      'manufacturingKgCo2e',
      'distributionKgCo2e',
      'endOfLifeKgCo2e',
      'mineralsKgSbEq',
      'fossilMj',
      'rawMaterialKg',
      'waterL',
      'wholeLifeClimateKgCo2eB',
      'powerW',
      'ademeHoursPerDay',
    ]) {
      figure(d, key, `${path}.${key}`, true);
    }
    figure(d, 'defaultLifespanYears', `${path}.defaultLifespanYears`, false, (n) => n > 0, 'a number > 0');
    figure(d, 'hoursPerDay', `${path}.hoursPerDay`, false, (n) => n > 0 && n <= 24, 'a number of hours in (0, 24]');
    figure(d, 'daysPerYear', `${path}.daysPerYear`, false, (n) => n > 0 && n <= 366, 'a number of days in (0, 366]');
    const avoided = get(d, 'refurbishedAvoided', `${path}.refurbishedAvoided`);
    if (avoided !== null) {
      const apath = `${path}.refurbishedAvoided`;
      if (!isObject(avoided)) fail(apath, 'must be { "low", "high", "source" } or null');
      const a = avoided as Obj;
      const low = number(a, 'low', `${apath}.low`, (n) => n >= 0 && n <= 1, 'a fraction in [0, 1]');
      number(a, 'high', `${apath}.high`, (n) => n >= low && n <= 1, `a fraction in [low (${low}), 1]`);
      sourceKey(a, 'source', `${apath}.source`);
    }
  }

  const elec = object(root, 'electricity', 'electricity');
  const carbon = object(elec, 'carbon', 'electricity.carbon');
  for (const zone of CARBON_ZONES) {
    const path = `electricity.carbon.${zone}`;
    const z = object(carbon, zone, path);
    i18n(z, 'label', `${path}.label`);
    number(z, 'kgCo2ePerKwh', `${path}.kgCo2ePerKwh`, (n) => n >= 0, 'a number >= 0');
    sourceKey(z, 'source', `${path}.source`);
    nullableYear(z, 'year', `${path}.year`);
  }
  const resources = object(elec, 'resources', 'electricity.resources');
  for (const zone of RESOURCE_ZONES) {
    const path = `electricity.resources.${zone}`;
    const z = object(resources, zone, path);
    i18n(z, 'label', `${path}.label`);
    number(z, 'mineralsKgSbEqPerKwh', `${path}.mineralsKgSbEqPerKwh`, (n) => n >= 0, 'a number >= 0');
    number(z, 'fossilMjPerKwh', `${path}.fossilMjPerKwh`, (n) => n >= 0, 'a number >= 0');
    sourceKey(z, 'source', `${path}.source`);
    nullableYear(z, 'year', `${path}.year`);
  }
  if (get(elec, 'waterLPerKwh', 'electricity.waterLPerKwh') !== null) {
    fail('electricity.waterLPerKwh', 'must be null (no open water factor for electricity; use-phase water is not estimated)');
  }
  i18n(elec, 'waterNote', 'electricity.waterNote');
  i18n(elec, 'mappingNote', 'electricity.mappingNote');
  const countries = object(elec, 'countries', 'electricity.countries');
  for (const required of ['OTHER_EU', 'OTHER']) object(countries, required, `electricity.countries.${required}`);
  for (const [code, value] of Object.entries(countries)) {
    const path = `electricity.countries.${code}`;
    if (!isObject(value)) fail(path, 'must be { "carbon", "resources" }');
    const c = value as Obj;
    const cz = string(c, 'carbon', `${path}.carbon`);
    if (!(CARBON_ZONES as readonly string[]).includes(cz)) fail(`${path}.carbon`, `"${cz}" is not one of ${CARBON_ZONES.join(', ')}`);
    const rz = string(c, 'resources', `${path}.resources`);
    if (!(RESOURCE_ZONES as readonly string[]).includes(rz))
      fail(`${path}.resources`, `"${rz}" is not one of ${RESOURCE_ZONES.join(', ')}`);
  }
  const aliases = object(elec, 'countryAliases', 'electricity.countryAliases');
  for (const key of Object.keys(aliases)) string(aliases, key, `electricity.countryAliases.${key}`);
  const eu = get(elec, 'euMemberStates', 'electricity.euMemberStates');
  if (!Array.isArray(eu) || eu.some((c) => typeof c !== 'string')) fail('electricity.euMemberStates', 'must be an array of country codes');

  const levers = object(root, 'levers', 'levers');
  sourceKey(levers, 'source', 'levers.source');
  const lifespan = object(levers, 'lifespan', 'levers.lifespan');
  const targets = object(lifespan, 'targetYears', 'levers.lifespan.targetYears');
  for (const device of DEVICE_TYPES) {
    number(targets, device, `levers.lifespan.targetYears.${device}`, (n) => n > 0, 'a number of years > 0');
  }
  number(lifespan, 'stepYearsAtOrAboveTarget', 'levers.lifespan.stepYearsAtOrAboveTarget', (n) => n > 0, 'a number of years > 0');
  const refurbished = object(levers, 'refurbished', 'levers.refurbished');
  number(refurbished, 'targetShare', 'levers.refurbished.targetShare', (n) => n > 0 && n <= 1, 'a fraction in (0, 1]');
  number(refurbished, 'stepAtOrAboveTarget', 'levers.refurbished.stepAtOrAboveTarget', (n) => n > 0 && n <= 1, 'a fraction in (0, 1]');
  const screens = object(levers, 'fewer_screens', 'levers.fewer_screens');
  number(
    screens,
    'meetingScreensRemoved',
    'levers.fewer_screens.meetingScreensRemoved',
    (n) => Number.isInteger(n) && n >= 1,
    'a whole number >= 1',
  );
  number(screens, 'monitorShareRemoved', 'levers.fewer_screens.monitorShareRemoved', (n) => n > 0 && n <= 1, 'a fraction in (0, 1]');
  const off = object(levers, 'switch_off', 'levers.switch_off');
  const offDevices = get(off, 'devices', 'levers.switch_off.devices');
  if (!Array.isArray(offDevices) || offDevices.some((d) => !(DEVICE_TYPES as readonly unknown[]).includes(d))) {
    fail('levers.switch_off.devices', `must be an array of device types (${DEVICE_TYPES.join(', ')})`);
  }
  number(off, 'hoursCutShare', 'levers.switch_off.hoursCutShare', (n) => n > 0 && n <= 1, 'a fraction in (0, 1]');

  return data as unknown as FootprintFactors;
}

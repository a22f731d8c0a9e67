/**
 * Pure validation of the reference factors (the parsed `templates/footprint-factors.json`).
 * A malformed file is refused with a message naming the file and the field. Beyond shapes, it
 * checks what keeps the figures honest: every figure names a listed source (which has a year)
 * and the dataset row it comes from; a range holds its value; a climate figure summed from
 * life-cycle phases equals their sum; every country's carbon factor comes from the one stated
 * source and year, or is a listed exception that says why; the changelog covers the version.
 */
import {
  CARBON_ZONES,
  CRITERIA,
  CRITERION_UNITS,
  DEVICE_TYPES,
  RESOURCE_ZONES,
  USE_POLICY_GROUPS,
  type FootprintFactors,
} from './footprint.types.js';

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

const SCOPES = ['user_devices', 'meeting_rooms', 'printing', 'network', 'servers', 'cloud'];
const USE_KINDS = ['working', 'always_on', 'active_only', 'none'];
const MODES = ['on', 'standby', 'off'];

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
  const year = (obj: Obj, key: string, path: string): number =>
    number(obj, key, path, (n) => Number.isInteger(n) && n >= 1900 && n <= 2100, 'a year (integer)');
  const i18n = (obj: Obj, key: string, path: string): void => {
    const v = object(obj, key, path);
    string(v, 'fr', `${path}.fr`);
    string(v, 'en', `${path}.en`);
  };

  if (!isObject(data)) return fail('(root)', 'must be a JSON object');
  const root = data as Obj;
  const version = number(root, 'version', 'version', (n) => Number.isInteger(n) && n >= 1, 'a positive integer');

  const changelog = get(root, 'changelog', 'changelog');
  if (!Array.isArray(changelog) || changelog.length === 0) fail('changelog', 'must list the changes of every version');
  (changelog as unknown[]).forEach((entry, i) => {
    const path = `changelog[${i}]`;
    if (!isObject(entry)) fail(path, 'must be { version, date, changes }');
    number(entry as Obj, 'version', `${path}.version`, (n) => Number.isInteger(n) && n >= 1, 'a positive integer');
    const date = string(entry as Obj, 'date', `${path}.date`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`${path}.date`, 'must be an ISO date (YYYY-MM-DD)');
    const changes = get(entry as Obj, 'changes', `${path}.changes`);
    if (!Array.isArray(changes) || changes.length === 0 || changes.some((c) => typeof c !== 'string' || c.trim() === '')) {
      fail(`${path}.changes`, 'must be a non-empty list of sentences');
    }
  });
  if (!(changelog as Obj[]).some((e) => e.version === version)) fail('changelog', `has no entry for version ${version}`);

  const criteria = object(root, 'criteria', 'criteria');
  for (const c of CRITERIA) {
    const path = `criteria.${c}`;
    const info = object(criteria, c, path);
    i18n(info, 'label', `${path}.label`);
    i18n(info, 'short', `${path}.short`);
    const unit = string(info, 'unit', `${path}.unit`);
    if (unit !== CRITERION_UNITS[c]) fail(`${path}.unit`, `must be "${CRITERION_UNITS[c]}"`);
    i18n(info, 'indicator', `${path}.indicator`);
  }

  const sources = object(root, 'sources', 'sources');
  if (Object.keys(sources).length === 0) fail('sources', 'must list at least one source');
  for (const [key, value] of Object.entries(sources)) {
    const path = `sources.${key}`;
    if (!isObject(value)) fail(path, 'must be an object');
    const s = value as Obj;
    string(s, 'title', `${path}.title`);
    string(s, 'publisher', `${path}.publisher`);
    year(s, 'year', `${path}.year`);
    string(s, 'reference', `${path}.reference`);
  }
  const sourceKey = (obj: Obj, key: string, path: string): string => {
    const k = string(obj, key, path);
    if (!Object.hasOwn(sources, k)) fail(path, `names source "${k}", which is not in "sources"`);
    return k;
  };

  /** A figure: { value, source, row, low?, high?, alternatives? } (or null when `nullable`). */
  const figure = (
    obj: Obj,
    key: string,
    path: string,
    nullable: boolean,
    check: (n: number) => boolean = (n) => n >= 0,
    expected = 'a number >= 0',
  ): Obj | null => {
    const v = get(obj, key, path);
    if (v === null) {
      if (!nullable) fail(path, 'is required (null is not allowed here)');
      return null;
    }
    if (!isObject(v)) fail(path, `must be { "value": ${expected}, "source": key, "row": text }${nullable ? ' or null' : ''}`);
    const f = v as Obj;
    const value = number(f, 'value', `${path}.value`, check, expected);
    sourceKey(f, 'source', `${path}.source`);
    string(f, 'row', `${path}.row`);
    if (f.low !== undefined) number(f, 'low', `${path}.low`, (n) => n <= value && check(n), `${expected}, at most the value (${value})`);
    if (f.high !== undefined)
      number(f, 'high', `${path}.high`, (n) => n >= value && check(n), `${expected}, at least the value (${value})`);
    if (f.alternatives !== undefined) {
      if (!Array.isArray(f.alternatives) || f.alternatives.length === 0) fail(`${path}.alternatives`, 'must be a non-empty list');
      (f.alternatives as unknown[]).forEach((a, i) => {
        const apath = `${path}.alternatives[${i}]`;
        if (!isObject(a)) fail(apath, 'must be { value, source, row }');
        number(a as Obj, 'value', `${apath}.value`, check, expected);
        sourceKey(a as Obj, 'source', `${apath}.source`);
        string(a as Obj, 'row', `${apath}.row`);
      });
    }
    return f;
  };

  const profile = object(root, 'profile', 'profile');
  figure(profile, 'workingDaysPerYear', 'profile.workingDaysPerYear', false, (n) => n > 0 && n <= 366, 'a number of days in (0, 366]');
  figure(profile, 'hoursPerYear', 'profile.hoursPerYear', false, (n) => n === 8760, '8760 (24 h x 365 days)');
  i18n(profile, 'text', 'profile.text');

  const shares = (obj: Obj, key: string, path: string): void => {
    const s = object(obj, key, path);
    for (const bound of ['central', 'low', 'high']) {
      const b = object(s, bound, `${path}.${bound}`);
      let sum = 0;
      for (const [mode, value] of Object.entries(b)) {
        if (!MODES.includes(mode)) fail(`${path}.${bound}.${mode}`, `is not a mode (${MODES.join(', ')})`);
        sum += number(b, mode, `${path}.${bound}.${mode}`, (n) => n >= 0 && n <= 1, 'a share in [0, 1]');
        void value;
      }
      if (Math.abs(sum - 1) > 1e-9) fail(`${path}.${bound}`, `shares must add up to 1 (they add up to ${sum})`);
    }
  };
  const policies = object(root, 'usePolicies', 'usePolicies');
  for (const group of USE_POLICY_GROUPS) {
    const path = `usePolicies.${group}`;
    const p = object(policies, group, path);
    i18n(p, 'label', `${path}.label`);
    const answers = object(p, 'answers', `${path}.answers`);
    for (const answer of Object.keys(answers)) shares(answers, answer, `${path}.answers.${answer}`);
    shares(p, 'default', `${path}.default`);
    const target = string(p, 'target', `${path}.target`);
    if (!Object.hasOwn(answers, target)) fail(`${path}.target`, `"${target}" is not one of the answers`);
    sourceKey(p, 'source', `${path}.source`);
    i18n(p, 'note', `${path}.note`);
  }

  const devices = object(root, 'devices', 'devices');
  for (const device of DEVICE_TYPES) {
    const path = `devices.${device}`;
    const d = object(devices, device, path);
    i18n(d, 'label', `${path}.label`);
    const nounObj = object(d, 'noun', `${path}.noun`);
    i18n(nounObj, 'one', `${path}.noun.one`);
    i18n(nounObj, 'other', `${path}.noun.other`);
    const scope = string(d, 'scope', `${path}.scope`);
    if (!SCOPES.includes(scope)) fail(`${path}.scope`, `"${scope}" is not one of ${SCOPES.join(', ')}`);
    const estimated = get(d, 'estimated', `${path}.estimated`);
    if (typeof estimated !== 'boolean') fail(`${path}.estimated`, 'must be true or false');
    if (estimated === false) i18n(d, 'notEstimatedReason', `${path}.notEstimatedReason`);
    if (d.notEstimated !== undefined) {
      const ne = object(d, 'notEstimated', `${path}.notEstimated`);
      for (const c of Object.keys(ne)) {
        if (!(CRITERIA as readonly string[]).includes(c)) fail(`${path}.notEstimated.${c}`, 'is not a criterion');
        i18n(ne, c, `${path}.notEstimated.${c}`);
      }
    }
    if (d.reference !== undefined) {
      const ref = object(d, 'reference', `${path}.reference`);
      for (const key of Object.keys(ref)) figure(ref, key, `${path}.reference.${key}`, false);
    }
    const embodied = object(d, 'embodied', `${path}.embodied`);
    for (const c of CRITERIA) {
      const f = figure(embodied, c, `${path}.embodied.${c}`, true);
      if (f !== null && estimated === false) fail(`${path}.embodied.${c}`, 'must be null for a device that is not estimated');
      if (f === null && estimated === true && c === 'climate') fail(`${path}.embodied.climate`, 'is required for an estimated device');
    }
    const parts = get(d, 'climateParts', `${path}.climateParts`);
    if (parts !== null) {
      if (!isObject(parts)) fail(`${path}.climateParts`, 'must be { manufacturing, distribution, endOfLife } or null');
      let sum = 0;
      for (const phase of ['manufacturing', 'distribution', 'endOfLife']) {
        sum += (figure(parts as Obj, phase, `${path}.climateParts.${phase}`, false) as Obj).value as number;
      }
      const climate = embodied.climate as Obj | null;
      if (climate === null || Math.abs((climate.value as number) - sum) > 1e-9 * sum) {
        fail(`${path}.embodied.climate.value`, `must be the sum of climateParts (${sum})`);
      }
    }
    figure(d, 'defaultLifespanYears', `${path}.defaultLifespanYears`, false, (n) => n > 0, 'a number > 0');
    const power = object(d, 'power', `${path}.power`);
    for (const mode of ['active', 'standby', 'off']) figure(power, mode, `${path}.power.${mode}`, true);
    if (d.pue !== undefined) figure(d, 'pue', `${path}.pue`, false, (n) => n >= 1, 'a PUE >= 1');
    const use = object(d, 'use', `${path}.use`);
    const kind = string(use, 'kind', `${path}.use.kind`);
    if (!USE_KINDS.includes(kind)) fail(`${path}.use.kind`, `"${kind}" is not one of ${USE_KINDS.join(', ')}`);
    if (estimated === true && kind === 'none') fail(`${path}.use.kind`, 'must not be "none" for an estimated device');
    if (kind !== 'none' && power.active === null) fail(`${path}.power.active`, `is required for a "${kind}" device`);
    if (kind === 'working' || kind === 'active_only') {
      figure(use, 'activeHoursPerDay', `${path}.use.activeHoursPerDay`, false, (n) => n > 0 && n <= 24, 'a number of hours in (0, 24]');
    }
    if (kind === 'working') {
      const group = string(use, 'policy', `${path}.use.policy`);
      if (!(USE_POLICY_GROUPS as readonly string[]).includes(group))
        fail(`${path}.use.policy`, `"${group}" is not one of ${USE_POLICY_GROUPS.join(', ')}`);
      if (power.standby === null || power.off === null) fail(`${path}.power`, 'standby and off are required for a "working" device');
    }
    if (use.ademeHoursPerDay !== undefined) figure(use, 'ademeHoursPerDay', `${path}.use.ademeHoursPerDay`, false);
    const avoided = get(d, 'refurbishedAvoided', `${path}.refurbishedAvoided`);
    if (avoided !== null) {
      const apath = `${path}.refurbishedAvoided`;
      if (!isObject(avoided)) fail(apath, 'must be { "low", "high", "source", "row" } or null');
      const a = avoided as Obj;
      const low = number(a, 'low', `${apath}.low`, (n) => n >= 0 && n <= 1, 'a fraction in [0, 1]');
      number(a, 'high', `${apath}.high`, (n) => n >= low && n <= 1, `a fraction in [low (${low}), 1]`);
      sourceKey(a, 'source', `${apath}.source`);
      string(a, 'row', `${apath}.row`);
    }
  }

  const cloud = object(root, 'cloud', 'cloud');
  i18n(cloud, 'label', 'cloud.label');
  const cloudNoun = object(cloud, 'noun', 'cloud.noun');
  i18n(cloudNoun, 'one', 'cloud.noun.one');
  i18n(cloudNoun, 'other', 'cloud.noun.other');
  if (string(cloud, 'scope', 'cloud.scope') !== 'cloud') fail('cloud.scope', 'must be "cloud"');
  figure(cloud, 'vcpuPowerW', 'cloud.vcpuPowerW', false);
  figure(cloud, 'pue', 'cloud.pue', false, (n) => n >= 1, 'a PUE >= 1');
  figure(cloud, 'storageWhPerTbHour', 'cloud.storageWhPerTbHour', false);
  figure(cloud, 'storageReplication', 'cloud.storageReplication', false, (n) => n >= 1, 'a number >= 1');
  figure(cloud, 'serverLifespanYears', 'cloud.serverLifespanYears', false, (n) => n > 0, 'a number > 0');
  figure(cloud, 'vcpusPerServer', 'cloud.vcpusPerServer', false, (n) => n >= 1, 'a number >= 1');
  i18n(cloud, 'notes', 'cloud.notes');

  const elec = object(root, 'electricity', 'electricity');
  const carbonSource = object(elec, 'carbonSource', 'electricity.carbonSource');
  const commonSource = sourceKey(carbonSource, 'source', 'electricity.carbonSource.source');
  const commonYear = year(carbonSource, 'year', 'electricity.carbonSource.year');
  const exceptions = get(carbonSource, 'exceptions', 'electricity.carbonSource.exceptions');
  if (!Array.isArray(exceptions) || exceptions.some((z) => !(CARBON_ZONES as readonly unknown[]).includes(z))) {
    fail('electricity.carbonSource.exceptions', `must be a list of zones (${CARBON_ZONES.join(', ')})`);
  }
  const carbon = object(elec, 'carbon', 'electricity.carbon');
  for (const zone of CARBON_ZONES) {
    const path = `electricity.carbon.${zone}`;
    const z = object(carbon, zone, path);
    i18n(z, 'label', `${path}.label`);
    number(z, 'kgCo2ePerKwh', `${path}.kgCo2ePerKwh`, (n) => n >= 0, 'a number >= 0');
    const src = sourceKey(z, 'source', `${path}.source`);
    const y = year(z, 'year', `${path}.year`);
    string(z, 'row', `${path}.row`);
    if (z.alternatives !== undefined) {
      if (!Array.isArray(z.alternatives)) fail(`${path}.alternatives`, 'must be a list');
      (z.alternatives as unknown[]).forEach((a, i) => {
        if (!isObject(a)) fail(`${path}.alternatives[${i}]`, 'must be { value, source, row }');
        number(a as Obj, 'value', `${path}.alternatives[${i}].value`, (n) => n >= 0, 'a number >= 0');
        sourceKey(a as Obj, 'source', `${path}.alternatives[${i}].source`);
        string(a as Obj, 'row', `${path}.alternatives[${i}].row`);
      });
    }
    if ((exceptions as string[]).includes(zone)) {
      i18n(z, 'exception', `${path}.exception`);
    } else if (src !== commonSource || y !== commonYear) {
      fail(path, `must come from ${commonSource} ${commonYear} like every country (or be listed in carbonSource.exceptions, saying why)`);
    }
  }
  const resources = object(elec, 'resources', 'electricity.resources');
  for (const zone of RESOURCE_ZONES) {
    const path = `electricity.resources.${zone}`;
    const z = object(resources, zone, path);
    i18n(z, 'label', `${path}.label`);
    number(z, 'mineralsKgSbEqPerKwh', `${path}.mineralsKgSbEqPerKwh`, (n) => n >= 0, 'a number >= 0');
    number(z, 'fossilMjPerKwh', `${path}.fossilMjPerKwh`, (n) => n >= 0, 'a number >= 0');
    sourceKey(z, 'source', `${path}.source`);
    year(z, 'year', `${path}.year`);
    string(z, 'row', `${path}.row`);
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
  for (const device of Object.keys(targets)) {
    if (!(DEVICE_TYPES as readonly string[]).includes(device)) fail(`levers.lifespan.targetYears.${device}`, 'is not a device type');
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
  const offPolicies = get(off, 'policies', 'levers.switch_off.policies');
  if (!Array.isArray(offPolicies) || offPolicies.some((p) => !(USE_POLICY_GROUPS as readonly unknown[]).includes(p))) {
    fail('levers.switch_off.policies', `must be an array of behaviours (${USE_POLICY_GROUPS.join(', ')})`);
  }

  return data as unknown as FootprintFactors;
}

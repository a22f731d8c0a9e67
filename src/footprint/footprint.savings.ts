/**
 * Pure: yearly savings of the levers the plan can quantify (REFERENCE-DATA.md section 3),
 * computed on the organisation's own inventory, from its current footprint.
 * Targets come from `factors.levers` (source "L" of the factors file).
 *
 * Each lever is computed alone, from the current footprint: savings of several levers
 * overlap (a longer lifespan shrinks what refurbished devices then save) and must not be added.
 * Every applicable lever carries a low and a high saving (`range`), from the same ranges as the
 * footprint; the figure the plan promises (`perCriterion`) is the central one, and for
 * refurbished devices the low end of the avoided-impact range.
 */
import type { I18nText, Lang } from '../questionnaires/template.types.js';
import { formatNumber, formatPercent, formatRange, formatSignificant } from './footprint.display.js';
import { computeFootprint } from './footprint.js';
import {
  CRITERIA,
  DEVICE_TYPES,
  type Criterion,
  type DeviceFootprint,
  type DeviceType,
  type FootprintFactors,
  type FootprintItem,
  type FootprintLever,
  type FootprintResult,
  type Inventory,
  type LeverDeviceSaving,
  type LeverSaving,
  type UsePolicyGroup,
} from './footprint.types.js';

type PerCriterion = Record<Criterion, number | null>;

function perCriterionOf(fn: (c: Criterion) => number | null): PerCriterion {
  return Object.fromEntries(CRITERIA.map((c) => [c, fn(c)])) as PerCriterion;
}

/** Sums the per-device savings of a criterion; null when no device has an estimate. */
function sumPerDevice(
  perDevice: LeverDeviceSaving[],
  pick: (d: LeverDeviceSaving) => PerCriterion | undefined = (d) => d.perCriterion,
): PerCriterion {
  return perCriterionOf((c) => {
    let sum: number | null = null;
    for (const d of perDevice) {
      const v = pick(d)?.[c] ?? null;
      if (v !== null) sum = (sum ?? 0) + v;
    }
    return sum;
  });
}

function nounOf(device: FootprintItem, factors: FootprintFactors, lang: Lang, count: number): string {
  const n = device === 'cloud' ? factors.cloud.noun : factors.devices[device].noun;
  return count === 1 ? n.one[lang] : n.other[lang];
}

/** "your 120 laptops" / "your laptop"; "vos 120 ordinateurs portables" / "votre ordinateur portable". */
function yours(device: FootprintItem, factors: FootprintFactors, lang: Lang, count: number): string {
  const n = nounOf(device, factors, lang, count);
  if (count === 1) return lang === 'fr' ? `votre ${n}` : `your ${n}`;
  return lang === 'fr' ? `vos ${formatNumber(count, lang)} ${n}` : `your ${formatNumber(count, lang)} ${n}`;
}

function years(value: number, lang: Lang): string {
  const n = formatNumber(value, lang);
  if (lang === 'fr') return `${n}\u00a0${value <= 1 ? 'an' : 'ans'}`;
  return `${n} ${value === 1 ? 'year' : 'years'}`;
}

function listJoin(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${last}`;
}

function kgCo2e(value: number, lang: Lang): string {
  return `${formatSignificant(value, lang)}\u00a0kg CO2e`;
}

/** "about 1,800 kg CO2e a year (range 1,500–2,100; 8% of the estimated climate footprint)". */
function climatePhrase(
  climate: number | null,
  share: number | null,
  lang: Lang,
  prefix: { fr: string; en: string },
  range: { low: number | null; high: number | null } | null = null,
): string {
  if (climate === null) return lang === 'fr' ? 'un gain climat non estimé' : 'a climate saving that is not estimated';
  const head = `${prefix[lang]} ${kgCo2e(climate, lang)} ${lang === 'fr' ? 'par an' : 'a year'}`;
  const spread = range && range.low !== null && range.high !== null ? formatRange(range.low, range.high, lang) : '';
  const inside: string[] = [];
  if (spread) inside.push(lang === 'fr' ? `fourchette ${spread}` : `range ${spread}`);
  if (share !== null) {
    inside.push(
      lang === 'fr'
        ? `${formatPercent(share, lang)} de l'empreinte climat estimée`
        : `${formatPercent(share, lang)} of the estimated climate footprint`,
    );
  }
  return inside.length ? `${head} (${inside.join(lang === 'fr' ? ' ; ' : '; ')})` : head;
}

function shareOfClimate(climate: number | null, footprint: FootprintResult): number | null {
  const total = footprint.totals.climate.total;
  if (climate === null || total === null || total <= 0) return null;
  return climate / total;
}

function notApplicable(lever: FootprintLever, reason: I18nText, method: I18nText, factors: FootprintFactors): LeverSaving {
  return {
    lever,
    applicable: false,
    reason,
    perCriterion: null,
    climateKgCo2ePerYear: null,
    shareOfClimateTotal: null,
    range: null,
    perDevice: [],
    description: null,
    method,
    factorsVersion: factors.version,
  };
}

function applicable(
  lever: FootprintLever,
  perDevice: LeverDeviceSaving[],
  footprint: FootprintResult,
  factors: FootprintFactors,
  method: I18nText,
  describe: (climate: number | null, share: number | null, lang: Lang, range: { low: number | null; high: number | null }) => string,
  range?: LeverSaving['range'],
): LeverSaving {
  const perCriterion = sumPerDevice(perDevice);
  const bounds = range ?? { low: sumPerDevice(perDevice, (d) => d.low), high: sumPerDevice(perDevice, (d) => d.high) };
  const climate = perCriterion.climate;
  const share = shareOfClimate(climate, footprint);
  const climateRange = { low: bounds.low.climate, high: bounds.high.climate };
  return {
    lever,
    applicable: true,
    reason: null,
    perCriterion,
    climateKgCo2ePerYear: climate,
    shareOfClimateTotal: share,
    range: bounds,
    perDevice,
    description: { fr: describe(climate, share, 'fr', climateRange), en: describe(climate, share, 'en', climateRange) },
    method,
    factorsVersion: factors.version,
  };
}

// ---------------------------------------------------------------------------
// Lifespan
// ---------------------------------------------------------------------------

export function lifespanMethod(factors: FootprintFactors): I18nText {
  const t = factors.levers.lifespan;
  const targets = (lang: Lang): string =>
    listJoin(
      (Object.keys(t.targetYears) as DeviceType[]).map(
        (d) => `${factors.devices[d].noun.other[lang]} ${years(t.targetYears[d] as number, lang)}`,
      ),
      lang,
    );
  return {
    fr: `Chaque type d'appareil est gardé jusqu'à une durée cible (${targets('fr')}), ou ${years(t.stepYearsAtOrAboveTarget, 'fr')} de plus s'il l'atteint déjà. Passer de L1 à L2 ans réduit l'impact de fabrication annuel de 1 - L1/L2. L'usage n'est pas modifié. Fourchette : celle de l'impact de fabrication.`,
    en: `Each device type is kept up to a target lifespan (${targets('en')}), or ${years(t.stepYearsAtOrAboveTarget, 'en')} longer when it already reaches it. Going from L1 to L2 years cuts the yearly embodied impact by 1 - L1/L2. The use phase is unchanged. Range: that of the embodied impact.`,
  };
}

/** Target lifespan for a device kept `current` years today. */
export function targetLifespan(device: DeviceType, current: number, factors: FootprintFactors): number {
  const t = factors.levers.lifespan;
  const target = t.targetYears[device] as number;
  return current < target ? target : current + t.stepYearsAtOrAboveTarget;
}

function lifespanSaving(footprint: FootprintResult, factors: FootprintFactors): LeverSaving {
  const method = lifespanMethod(factors);
  const targets = factors.levers.lifespan.targetYears;
  const concerned = footprint.devices.filter(
    (d) =>
      d.device !== 'cloud' && d.estimated && targets[d.device] !== undefined && CRITERIA.some((c) => d.perCriterion[c].embodied !== null),
  );
  if (concerned.length === 0) {
    return notApplicable(
      'lifespan',
      {
        fr: 'Aucun appareil dont vous fixez la durée de vie n’est inventorié : rien dont allonger la durée de vie.',
        en: 'No device whose lifespan you decide is inventoried: nothing whose lifespan to extend.',
      },
      method,
      factors,
    );
  }
  const perDevice: LeverDeviceSaving[] = concerned.map((d) => {
    const from = d.lifespanYears;
    const to = targetLifespan(d.device as DeviceType, from, factors);
    const cut = 1 - from / to;
    const scaled = (pick: 'perCriterion' | 'low' | 'high') =>
      perCriterionOf((c) => {
        const p = pick === 'perCriterion' ? d.perCriterion[c] : d.perCriterion[c][pick];
        return p.embodied === null ? null : p.embodied * cut;
      });
    return { device: d.device, count: d.count, from, to, perCriterion: scaled('perCriterion'), low: scaled('low'), high: scaled('high') };
  });
  const describe = (
    climate: number | null,
    share: number | null,
    lang: Lang,
    range: { low: number | null; high: number | null },
  ): string => {
    const parts = perDevice.map((p) =>
      lang === 'fr'
        ? `${yours(p.device, factors, lang, p.count)} ${years(p.to, lang)} au lieu de ${formatNumber(p.from, lang)}`
        : `${yours(p.device, factors, lang, p.count)} ${years(p.to, lang)} instead of ${formatNumber(p.from, lang)}`,
    );
    const phrase = climatePhrase(climate, share, lang, { fr: 'environ', en: 'about' }, range);
    return lang === 'fr' ? `Garder ${listJoin(parts, lang)} évite ${phrase}.` : `Keeping ${listJoin(parts, lang)} avoids ${phrase}.`;
  };
  return applicable('lifespan', perDevice, footprint, factors, method, describe);
}

// ---------------------------------------------------------------------------
// Refurbished
// ---------------------------------------------------------------------------

export function refurbishedMethod(factors: FootprintFactors): I18nText {
  const t = factors.levers.refurbished;
  const ranges = (lang: Lang): string =>
    listJoin(
      DEVICE_TYPES.flatMap((d) => {
        const r = factors.devices[d].refurbishedAvoided;
        if (r === null) return [];
        const pct = (x: number): string => formatNumber(Math.round(x * 100), lang);
        return [`${factors.devices[d].noun.other[lang]} ${pct(r.low)}-${pct(r.high)}${lang === 'fr' ? '\u00a0%' : '%'}`];
      }),
      lang,
    );
  const points = formatNumber(Math.round(t.stepAtOrAboveTarget * 100), 'en');
  return {
    fr: `Pour les types d'appareil ayant une fourchette d'impacts évités par le reconditionné (${ranges('fr')} ; NegaOctet pour l'ADEME, 2022), la part reconditionnée passe à ${formatPercent(t.targetShare, 'fr')}, ou gagne ${points} points si elle l'atteint déjà (au plus 100\u00a0%). Gain = nombre x impact de fabrication d'un appareil neuf / durée de vie x hausse de la part x part d'impact évitée. Ces fourchettes vont de l'indicateur le moins au plus favorable de l'étude : le bas de fourchette, appliqué à chaque critère, donne le chiffre promis ; le haut, la fourchette. Les autres appareils n'ont pas de chiffre : pas de gain calculé.`,
    en: `For device types with a range of impacts avoided by refurbished devices (${ranges('en')}; NegaOctet for ADEME, 2022), the refurbished share is raised to ${formatPercent(t.targetShare, 'en')}, or by ${points} points when it already reaches it (at most 100%). Saving = count x embodied impact of a new device / lifespan x increase of the share x share of impact avoided. These ranges run from the study's least to its most favourable indicator: the low end, applied to every criterion, gives the figure the plan promises; the high end, the range. Other devices have no figure: no saving computed.`,
  };
}

/** Target refurbished share (0..1) for a device type at `current` today. */
export function targetRefurbishedShare(current: number, factors: FootprintFactors): number {
  const t = factors.levers.refurbished;
  return current < t.targetShare ? t.targetShare : Math.min(1, current + t.stepAtOrAboveTarget);
}

function refurbishedSaving(footprint: FootprintResult, factors: FootprintFactors): LeverSaving {
  const method = refurbishedMethod(factors);
  const withRange = footprint.devices.filter((d) => d.refurbishedAvoided !== null);
  if (withRange.length === 0) {
    return notApplicable(
      'refurbished',
      {
        fr: "Aucun ordinateur portable, ordinateur fixe, smartphone ni tablette inventorié : les seuls appareils pour lesquels l'impact évité par le reconditionné est chiffré.",
        en: 'No laptop, desktop, smartphone or tablet inventoried: the only devices with a figure for the impact a refurbished one avoids.',
      },
      method,
      factors,
    );
  }
  const concerned = withRange.filter((d) => d.refurbishedShare < 1);
  if (concerned.length === 0) {
    return notApplicable(
      'refurbished',
      { fr: 'Les appareils concernés sont déjà 100 % reconditionnés.', en: 'The devices concerned are already 100 % refurbished.' },
      method,
      factors,
    );
  }
  const perDevice: LeverDeviceSaving[] = concerned.map((d) => {
    const avoided = d.refurbishedAvoided as { low: number; high: number };
    const from = d.refurbishedShare;
    const to = targetRefurbishedShare(from, factors);
    const saving = (units: Record<Criterion, number | null>, end: 'low' | 'high') =>
      perCriterionOf((c) => {
        const unit = units[c];
        return unit === null ? null : ((d.count * unit) / d.lifespanYears) * (to - from) * avoided[end];
      });
    return {
      device: d.device,
      count: d.count,
      from,
      to,
      perCriterion: saving(d.unitEmbodied, 'low'),
      low: saving(d.unitEmbodiedLow, 'low'),
      high: saving(d.unitEmbodiedHigh, 'high'),
    };
  });
  const range = { low: sumPerDevice(perDevice, (d) => d.low), high: sumPerDevice(perDevice, (d) => d.high) };
  const describe = (climate: number | null, share: number | null, lang: Lang): string => {
    const parts = perDevice.map((p) =>
      lang === 'fr'
        ? `de ${yours(p.device, factors, lang, p.count)} de ${formatPercent(p.from, lang)} à ${formatPercent(p.to, lang)}`
        : `of ${yours(p.device, factors, lang, p.count)} from ${formatPercent(p.from, lang)} to ${formatPercent(p.to, lang)}`,
    );
    const highClimate = range.high.climate;
    const upTo =
      climate === null || highClimate === null
        ? ''
        : lang === 'fr'
          ? `, jusqu'à ${kgCo2e(highClimate, lang)} avec le haut de la fourchette NegaOctet-ADEME`
          : `, up to ${kgCo2e(highClimate, lang)} with the high end of the NegaOctet-ADEME range`;
    return lang === 'fr'
      ? `Porter la part reconditionnée ${listJoin(parts, lang)} évite ${climatePhrase(climate, share, lang, { fr: 'au moins', en: 'at least' })}${upTo}.`
      : `Raising the refurbished share ${listJoin(parts, lang)} avoids ${climatePhrase(climate, share, lang, { fr: 'au moins', en: 'at least' })}${upTo}.`;
  };
  return applicable('refurbished', perDevice, footprint, factors, method, describe, range);
}

// ---------------------------------------------------------------------------
// Fewer screens
// ---------------------------------------------------------------------------

export function fewerScreensMethod(factors: FootprintFactors): I18nText {
  const t = factors.levers.fewer_screens;
  return {
    fr: `${formatNumber(t.meetingScreensRemoved, 'fr')} écran de salle de réunion en moins si l'organisation en a au moins autant, et ${formatPercent(t.monitorShareRemoved, 'fr')} d'écrans d'ordinateur en moins (arrondi à l'écran entier inférieur, par exemple un second écran supprimé là où il sert peu). Gain = impact annuel de fabrication et d'usage des écrans retirés, avec sa fourchette.`,
    en: `${formatNumber(t.meetingScreensRemoved, 'en')} meeting-room screen fewer when the organisation has at least that many, and ${formatPercent(t.monitorShareRemoved, 'en')} fewer monitors (rounded down to whole monitors, e.g. a second screen removed where it is little used). Saving = yearly embodied and use impact of the screens removed, with its range.`,
  };
}

function fewerScreensSaving(footprint: FootprintResult, factors: FootprintFactors): LeverSaving {
  const method = fewerScreensMethod(factors);
  const t = factors.levers.fewer_screens;
  const perDevice: LeverDeviceSaving[] = [];
  const removeFrom = (d: DeviceFootprint | undefined, removed: number): void => {
    if (d === undefined || removed <= 0) return;
    const share = (pick: (c: Criterion) => number | null) =>
      perCriterionOf((c) => {
        const total = pick(c);
        return total === null ? null : (total / d.count) * removed;
      });
    perDevice.push({
      device: d.device,
      count: d.count,
      from: d.count,
      to: d.count - removed,
      perCriterion: share((c) => d.perCriterion[c].total),
      low: share((c) => d.perCriterion[c].low.total),
      high: share((c) => d.perCriterion[c].high.total),
    });
  };
  const meeting = footprint.devices.find((d) => d.device === 'meeting_screen');
  if (meeting !== undefined && meeting.count >= t.meetingScreensRemoved) removeFrom(meeting, t.meetingScreensRemoved);
  const monitor = footprint.devices.find((d) => d.device === 'monitor');
  if (monitor !== undefined) removeFrom(monitor, Math.floor(monitor.count * t.monitorShareRemoved + 1e-9));
  if (perDevice.length === 0) {
    const minMonitors = Math.ceil(1 / t.monitorShareRemoved);
    return notApplicable(
      'fewer_screens',
      {
        fr: `Aucun écran de salle de réunion et moins de ${formatNumber(minMonitors, 'fr')} écrans d'ordinateur inventoriés : pas d'écran à retirer.`,
        en: `No meeting-room screen and fewer than ${formatNumber(minMonitors, 'en')} monitors inventoried: no screen to remove.`,
      },
      method,
      factors,
    );
  }
  const describe = (
    climate: number | null,
    share: number | null,
    lang: Lang,
    range: { low: number | null; high: number | null },
  ): string => {
    const parts = perDevice.map((p) => {
      const removed = p.from - p.to;
      return lang === 'fr'
        ? `${formatNumber(removed, lang)} ${nounOf(p.device, factors, lang, removed)} sur ${formatNumber(p.from, lang)}`
        : `${formatNumber(removed, lang)} ${nounOf(p.device, factors, lang, removed)} out of ${formatNumber(p.from, lang)}`;
    });
    const phrase = climatePhrase(climate, share, lang, { fr: 'environ', en: 'about' }, range);
    return lang === 'fr' ? `Retirer ${listJoin(parts, lang)} évite ${phrase}.` : `Removing ${listJoin(parts, lang)} avoids ${phrase}.`;
  };
  return applicable('fewer_screens', perDevice, footprint, factors, method, describe);
}

// ---------------------------------------------------------------------------
// Switching off
// ---------------------------------------------------------------------------

/** What each switch-off answer means, for sentences. */
const POLICY_WORDS: Record<UsePolicyGroup, Record<string, I18nText>> = {
  workstation: {
    left_on: { fr: 'laissés allumés', en: 'left on' },
    guidance: { fr: 'une simple consigne', en: 'guidance only' },
    power_settings: { fr: 'la veille automatique', en: 'automatic sleep' },
    scheduled_shutdown: { fr: 'une extinction programmée', en: 'a scheduled shutdown' },
    default: { fr: 'la veille supposée faute de réponse', en: 'the sleep assumed for want of an answer' },
  },
  meeting_room: {
    true: { fr: 'une extinction automatique', en: 'an automatic switch-off' },
    false: { fr: 'aucune extinction automatique', en: 'no automatic switch-off' },
    default: { fr: 'la veille supposée faute de réponse', en: 'the sleep assumed for want of an answer' },
  },
};

export function switchOffMethod(factors: FootprintFactors): I18nText {
  const groups = factors.levers.switch_off.policies;
  const words = (lang: Lang) =>
    listJoin(
      groups.map(
        (g) =>
          `${factors.usePolicies[g].label[lang].split(' (')[0].toLowerCase()}: ${POLICY_WORDS[g][factors.usePolicies[g].target][lang]}`,
      ),
      lang,
    );
  return {
    fr: `Hors des heures d'usage, les appareils passent au comportement cible (${words('fr')}) au lieu de celui que vous avez décrit. Gain = électricité de la phase d'usage avant moins après, aux facteurs du pays ; heures actives et fabrication inchangées. Fourchette : celle des puissances et des comportements. Serveurs (service continu), box, smartphones et tablettes (sur batterie) non concernés.`,
    en: `Outside the hours of use, the devices move to the target behaviour (${words('en')}) instead of the one you described. Saving = use-phase electricity before minus after, at the country's factors; active hours and manufacturing unchanged. Range: that of the powers and behaviours. Servers (continuous service), boxes, smartphones and tablets (on battery) are not concerned.`,
  };
}

function switchOffSaving(inventory: Inventory, footprint: FootprintResult, factors: FootprintFactors): LeverSaving {
  const method = switchOffMethod(factors);
  const groups = factors.levers.switch_off.policies;
  const concernedGroups = (d: DeviceFootprint) => d.use?.policy != null && groups.includes(d.use.policy.group);
  const withPolicy = footprint.devices.filter((d) => concernedGroups(d) && d.kWhPerYear !== null);
  if (withPolicy.length === 0) {
    return notApplicable(
      'switch_off',
      {
        fr: "Aucun poste, écran ni écran de salle de réunion inventorié : rien à éteindre hors des heures d'usage.",
        en: 'No computer, monitor or meeting-room screen inventoried: nothing to switch off outside the hours of use.',
      },
      method,
      factors,
    );
  }
  const targets: Partial<Record<UsePolicyGroup, string>> = {};
  for (const g of groups) targets[g] = factors.usePolicies[g].target;
  const after = computeFootprint({ ...inventory, policies: { ...(inventory.policies ?? {}), ...targets } }, factors);
  const perDevice: LeverDeviceSaving[] = [];
  for (const d of withPolicy) {
    const a = after.devices.find((x) => x.device === d.device);
    if (!a) continue;
    const diff = (
      pick: (p: DeviceFootprint['perCriterion'][Criterion]) => number | null,
      p2: (p: DeviceFootprint['perCriterion'][Criterion]) => number | null,
    ) =>
      perCriterionOf((c) => {
        const before = pick(d.perCriterion[c]);
        const now = p2(a.perCriterion[c]);
        return before === null || now === null ? null : Math.max(0, before - now);
      });
    const central = diff(
      (p) => p.use,
      (p) => p.use,
    );
    if ((central.climate ?? 0) <= 1e-9 * Math.max(1, d.perCriterion.climate.use ?? 0)) continue;
    perDevice.push({
      device: d.device,
      count: d.count,
      from: d.kWhPerYear as number,
      to: a.kWhPerYear as number,
      perCriterion: central,
      low: diff(
        (p) => p.low.use,
        (p) => p.low.use,
      ),
      high: diff(
        (p) => p.high.use,
        (p) => p.high.use,
      ),
    });
  }
  if (perDevice.length === 0) {
    return notApplicable(
      'switch_off',
      {
        fr: "Déjà fait : d'après vos réponses, postes, écrans et écrans de salle de réunion sont éteints hors des heures d'usage.",
        en: 'Already done: according to your answers, computers, monitors and meeting-room screens are off outside the hours of use.',
      },
      method,
      factors,
    );
  }
  // Low and high can cross when the behaviours' ranges differ: keep low <= central <= high.
  for (const p of perDevice) {
    for (const c of CRITERIA) {
      const v = p.perCriterion[c];
      if (v === null || !p.low || !p.high) continue;
      const lo = p.low[c];
      const hi = p.high[c];
      p.low[c] = lo === null ? v : Math.min(lo, v, hi ?? v);
      p.high[c] = hi === null ? v : Math.max(hi, v, lo ?? v);
    }
  }
  const describe = (
    climate: number | null,
    share: number | null,
    lang: Lang,
    range: { low: number | null; high: number | null },
  ): string => {
    const byGroup = new Map<UsePolicyGroup, LeverDeviceSaving[]>();
    for (const p of perDevice) {
      const group = footprint.devices.find((x) => x.device === p.device)?.use?.policy?.group as UsePolicyGroup;
      byGroup.set(group, [...(byGroup.get(group) ?? []), p]);
    }
    const clauses = [...byGroup.entries()].map(([group, items]) => {
      const d0 = footprint.devices.find((x) => x.device === items[0].device);
      const answer = d0?.use?.policy?.answer ?? 'default';
      const from = POLICY_WORDS[group][answer] ?? POLICY_WORDS[group].default;
      const to = POLICY_WORDS[group][factors.usePolicies[group].target];
      const who = listJoin(
        items.map((p) => yours(p.device, factors, lang, p.count)),
        lang,
      );
      return lang === 'fr' ? `${who} : ${to[lang]} au lieu de ${from[lang]}` : `${who}: ${to[lang]} instead of ${from[lang]}`;
    });
    const phrase = climatePhrase(climate, share, lang, { fr: 'environ', en: 'about' }, range);
    return lang === 'fr'
      ? `Éteindre hors des heures d'usage (${clauses.join(' ; ')}) évite ${phrase}.`
      : `Switching off outside the hours of use (${clauses.join('; ')}) avoids ${phrase}.`;
  };
  return applicable('switch_off', perDevice, footprint, factors, method, describe);
}

// ---------------------------------------------------------------------------

/**
 * Yearly savings of the four levers, in this order: lifespan, refurbished,
 * fewer_screens, switch_off. `footprint` must be `computeFootprint(inventory, factors)`
 * (computed here when not given, so that a caller holding it does not compute it twice).
 */
export function computeSavings(
  inventory: Inventory,
  factors: FootprintFactors,
  footprint: FootprintResult = computeFootprint(inventory, factors),
): LeverSaving[] {
  return [
    lifespanSaving(footprint, factors),
    refurbishedSaving(footprint, factors),
    fewerScreensSaving(footprint, factors),
    switchOffSaving(inventory, footprint, factors),
  ];
}

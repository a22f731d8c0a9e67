/**
 * Pure: yearly savings of the levers the plan can quantify (REFERENCE-DATA.md section 3),
 * computed on the organisation's own inventory, from its current footprint.
 * Targets come from `factors.levers` (source "L" of the factors file).
 *
 * Each lever is computed alone, from the current footprint: savings of several levers
 * overlap (a longer lifespan shrinks what refurbished devices then save) and must not be added.
 */
import type { I18nText, Lang } from '../questionnaires/template.types.js';
import { formatNumber, formatPercent, roundForDisplay } from './footprint.display.js';
import { computeFootprint } from './footprint.js';
import {
  CRITERIA,
  DEVICE_TYPES,
  type Criterion,
  type DeviceFootprint,
  type DeviceType,
  type FootprintFactors,
  type FootprintLever,
  type FootprintResult,
  type Inventory,
  type LeverDeviceSaving,
  type LeverSaving,
} from './footprint.types.js';

type PerCriterion = Record<Criterion, number | null>;

function perCriterionOf(fn: (c: Criterion) => number | null): PerCriterion {
  return Object.fromEntries(CRITERIA.map((c) => [c, fn(c)])) as PerCriterion;
}

/** Sums the per-device savings of a criterion; null when no device has an estimate. */
function sumPerDevice(perDevice: Array<{ perCriterion: PerCriterion }>): PerCriterion {
  return perCriterionOf((c) => {
    let sum: number | null = null;
    for (const d of perDevice) {
      const v = d.perCriterion[c];
      if (v !== null) sum = (sum ?? 0) + v;
    }
    return sum;
  });
}

function noun(d: DeviceFootprint, factors: FootprintFactors, lang: Lang, count: number): string {
  const n = factors.devices[d.device].noun;
  return count === 1 ? n.one[lang] : n.other[lang];
}

/** "your 120 laptops" / "your laptop"; "vos 120 ordinateurs portables" / "votre ordinateur portable". */
function yours(d: DeviceFootprint, factors: FootprintFactors, lang: Lang, count: number): string {
  const n = noun(d, factors, lang, count);
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
  return `${formatNumber(roundForDisplay(value, 'climate'), lang)}\u00a0kg CO2e`;
}

/** "about 1,850 kg CO2e a year (8% of the estimated climate footprint)". */
function climatePhrase(climate: number | null, share: number | null, lang: Lang, prefix: { fr: string; en: string }): string {
  if (climate === null) return lang === 'fr' ? 'un gain climat non estimé' : 'a climate saving that is not estimated';
  const head = `${prefix[lang]} ${kgCo2e(climate, lang)} ${lang === 'fr' ? 'par an' : 'a year'}`;
  if (share === null) return head;
  return lang === 'fr'
    ? `${head} (${formatPercent(share, lang)} de l'empreinte climat estimée)`
    : `${head} (${formatPercent(share, lang)} of the estimated climate footprint)`;
}

function shareOfClimate(climate: number | null, footprint: FootprintResult): number | null {
  const total = footprint.totals.climate.total;
  if (climate === null || total === null || total <= 0) return null;
  return climate / total;
}

function notApplicable(lever: FootprintLever, reason: I18nText, method: I18nText): LeverSaving {
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
  };
}

function applicable(
  lever: FootprintLever,
  perDevice: LeverDeviceSaving[],
  footprint: FootprintResult,
  method: I18nText,
  describe: (climate: number | null, share: number | null, lang: Lang) => string,
  range: LeverSaving['range'] = null,
): LeverSaving {
  const perCriterion = sumPerDevice(perDevice);
  const climate = perCriterion.climate;
  const share = shareOfClimate(climate, footprint);
  return {
    lever,
    applicable: true,
    reason: null,
    perCriterion,
    climateKgCo2ePerYear: climate,
    shareOfClimateTotal: share,
    range,
    perDevice,
    description: { fr: describe(climate, share, 'fr'), en: describe(climate, share, 'en') },
    method,
  };
}

// ---------------------------------------------------------------------------
// Lifespan
// ---------------------------------------------------------------------------

export function lifespanMethod(factors: FootprintFactors): I18nText {
  const t = factors.levers.lifespan;
  const targets = (lang: Lang): string =>
    listJoin(
      (Object.keys(t.targetYears) as DeviceType[]).map((d) => `${factors.devices[d].noun.other[lang]} ${years(t.targetYears[d], lang)}`),
      lang,
    );
  return {
    fr: `Chaque type d'appareil est gardé jusqu'à une durée cible (${targets('fr')}), ou ${years(t.stepYearsAtOrAboveTarget, 'fr')} de plus s'il l'atteint déjà. Passer de L1 à L2 ans réduit l'impact de fabrication annuel de 1 - L1/L2. L'usage n'est pas modifié.`,
    en: `Each device type is kept up to a target lifespan (${targets('en')}), or ${years(t.stepYearsAtOrAboveTarget, 'en')} longer when it already reaches it. Going from L1 to L2 years cuts the yearly embodied impact by 1 - L1/L2. The use phase is unchanged.`,
  };
}

/** Target lifespan for a device kept `current` years today. */
export function targetLifespan(device: DeviceType, current: number, factors: FootprintFactors): number {
  const t = factors.levers.lifespan;
  const target = t.targetYears[device];
  return current < target ? target : current + t.stepYearsAtOrAboveTarget;
}

function lifespanSaving(footprint: FootprintResult, factors: FootprintFactors): LeverSaving {
  const method = lifespanMethod(factors);
  const concerned = footprint.devices.filter((d) => CRITERIA.some((c) => d.perCriterion[c].embodied !== null));
  if (concerned.length === 0) {
    return notApplicable(
      'lifespan',
      {
        fr: 'Aucun appareil inventorié : rien dont allonger la durée de vie.',
        en: 'No device inventoried: nothing whose lifespan to extend.',
      },
      method,
    );
  }
  const perDevice: LeverDeviceSaving[] = concerned.map((d) => {
    const from = d.lifespanYears;
    const to = targetLifespan(d.device, from, factors);
    const cut = 1 - from / to;
    return {
      device: d.device,
      count: d.count,
      from,
      to,
      perCriterion: perCriterionOf((c) => {
        const embodied = d.perCriterion[c].embodied;
        return embodied === null ? null : embodied * cut;
      }),
    };
  });
  const describe = (climate: number | null, share: number | null, lang: Lang): string => {
    const parts = perDevice.map((p) => {
      const d = concerned.find((x) => x.device === p.device) as DeviceFootprint;
      return lang === 'fr'
        ? `${yours(d, factors, lang, p.count)} ${years(p.to, lang)} au lieu de ${formatNumber(p.from, lang)}`
        : `${yours(d, factors, lang, p.count)} ${years(p.to, lang)} instead of ${formatNumber(p.from, lang)}`;
    });
    return lang === 'fr'
      ? `Garder ${listJoin(parts, lang)} évite ${climatePhrase(climate, share, lang, { fr: 'environ', en: 'about' })}.`
      : `Keeping ${listJoin(parts, lang)} avoids ${climatePhrase(climate, share, lang, { fr: 'environ', en: 'about' })}.`;
  };
  return applicable('lifespan', perDevice, footprint, method, describe);
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
  const without = (lang: Lang): string =>
    listJoin(
      DEVICE_TYPES.filter((d) => factors.devices[d].refurbishedAvoided === null).map((d) => factors.devices[d].noun.other[lang]),
      lang,
    );
  const points = formatNumber(Math.round(t.stepAtOrAboveTarget * 100), 'en');
  const noFigure = (lang: Lang): string => {
    const list = without(lang);
    if (list === '') return '';
    const sentence = lang === 'fr' ? `${list} : pas de chiffre, pas de gain calculé.` : `${list}: no figure, no saving computed.`;
    return ` ${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
  };
  return {
    fr: `Pour les types d'appareil ayant une fourchette d'impacts évités par le reconditionné (${ranges('fr')} ; NegaOctet pour l'ADEME, 2022), la part reconditionnée passe à ${formatPercent(t.targetShare, 'fr')}, ou gagne ${points} points si elle l'atteint déjà (au plus 100\u00a0%). Gain = nombre x impact de fabrication d'un appareil neuf / durée de vie x hausse de la part x part d'impact évitée : le bas de la fourchette pour le chiffre promis, le haut pour la fourchette.${noFigure('fr')}`,
    en: `For device types with a range of impacts avoided by refurbished devices (${ranges('en')}; NegaOctet for ADEME, 2022), the refurbished share is raised to ${formatPercent(t.targetShare, 'en')}, or by ${points} points when it already reaches it (at most 100%). Saving = count x embodied impact of a new device / lifespan x increase of the share x share of impact avoided: the low end for the figure the plan promises, the high end for the range.${noFigure('en')}`,
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
    );
  }
  const concerned = withRange.filter((d) => d.refurbishedShare < 1);
  if (concerned.length === 0) {
    return notApplicable(
      'refurbished',
      { fr: 'Les appareils concernés sont déjà 100 % reconditionnés.', en: 'The devices concerned are already 100 % refurbished.' },
      method,
    );
  }
  const build = (end: 'low' | 'high'): LeverDeviceSaving[] =>
    concerned.map((d) => {
      const avoided = d.refurbishedAvoided as { low: number; high: number };
      const from = d.refurbishedShare;
      const to = targetRefurbishedShare(from, factors);
      return {
        device: d.device,
        count: d.count,
        from,
        to,
        perCriterion: perCriterionOf((c) => {
          const unit = d.unitEmbodied[c];
          return unit === null ? null : ((d.count * unit) / d.lifespanYears) * (to - from) * avoided[end];
        }),
      };
    });
  const low = build('low');
  const high = build('high');
  const range = { low: sumPerDevice(low), high: sumPerDevice(high) };
  const describe = (climate: number | null, share: number | null, lang: Lang): string => {
    const parts = low.map((p) => {
      const d = concerned.find((x) => x.device === p.device) as DeviceFootprint;
      return lang === 'fr'
        ? `de ${yours(d, factors, lang, p.count)} de ${formatPercent(p.from, lang)} à ${formatPercent(p.to, lang)}`
        : `of ${yours(d, factors, lang, p.count)} from ${formatPercent(p.from, lang)} to ${formatPercent(p.to, lang)}`;
    });
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
  return applicable('refurbished', low, footprint, method, describe, range);
}

// ---------------------------------------------------------------------------
// Fewer screens
// ---------------------------------------------------------------------------

export function fewerScreensMethod(factors: FootprintFactors): I18nText {
  const t = factors.levers.fewer_screens;
  return {
    fr: `${formatNumber(t.meetingScreensRemoved, 'fr')} écran de salle de réunion en moins si l'organisation en a au moins autant, et ${formatPercent(t.monitorShareRemoved, 'fr')} d'écrans d'ordinateur en moins (arrondi à l'écran entier inférieur, par exemple un second écran supprimé là où il sert peu). Gain = impact annuel de fabrication et d'usage des écrans retirés.`,
    en: `${formatNumber(t.meetingScreensRemoved, 'en')} meeting-room screen fewer when the organisation has at least that many, and ${formatPercent(t.monitorShareRemoved, 'en')} fewer monitors (rounded down to whole monitors, e.g. a second screen removed where it is little used). Saving = yearly embodied and use impact of the screens removed.`,
  };
}

function fewerScreensSaving(footprint: FootprintResult, factors: FootprintFactors): LeverSaving {
  const method = fewerScreensMethod(factors);
  const t = factors.levers.fewer_screens;
  const perDevice: LeverDeviceSaving[] = [];
  const removeFrom = (d: DeviceFootprint | undefined, removed: number): void => {
    if (d === undefined || removed <= 0) return;
    perDevice.push({
      device: d.device,
      count: d.count,
      from: d.count,
      to: d.count - removed,
      perCriterion: perCriterionOf((c) => {
        const total = d.perCriterion[c].total;
        return total === null ? null : (total / d.count) * removed;
      }),
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
    );
  }
  const describe = (climate: number | null, share: number | null, lang: Lang): string => {
    const parts = perDevice.map((p) => {
      const d = footprint.devices.find((x) => x.device === p.device) as DeviceFootprint;
      const removed = p.from - p.to;
      return lang === 'fr'
        ? `${formatNumber(removed, lang)} ${noun(d, factors, lang, removed)} sur ${formatNumber(p.from, lang)}`
        : `${formatNumber(removed, lang)} ${noun(d, factors, lang, removed)} out of ${formatNumber(p.from, lang)}`;
    });
    return lang === 'fr'
      ? `Retirer ${listJoin(parts, lang)} évite ${climatePhrase(climate, share, lang, { fr: 'environ', en: 'about' })}.`
      : `Removing ${listJoin(parts, lang)} avoids ${climatePhrase(climate, share, lang, { fr: 'environ', en: 'about' })}.`;
  };
  return applicable('fewer_screens', perDevice, footprint, method, describe);
}

// ---------------------------------------------------------------------------
// Switching off
// ---------------------------------------------------------------------------

export function switchOffMethod(factors: FootprintFactors): I18nText {
  const t = factors.levers.switch_off;
  const list = (lang: Lang): string =>
    listJoin(
      t.devices.map((d) => factors.devices[d].noun.other[lang]),
      lang,
    );
  return {
    fr: `Éteindre ${list('fr')} quand ils ne servent pas (pauses, réunions, fin de journée) au lieu de les laisser allumés ou en veille : ${formatPercent(t.hoursCutShare, 'fr')} d'heures allumées en moins dans le profil d'usage, soit ${formatPercent(t.hoursCutShare, 'fr')} de leur impact d'usage. Serveurs (service continu), smartphones et tablettes (sur batterie, en veille d'eux-mêmes) non concernés. L'impact de fabrication ne change pas.`,
    en: `Switching ${list('en')} off when they are not used (breaks, meetings, end of day) instead of leaving them on or in standby: ${formatPercent(t.hoursCutShare, 'en')} fewer hours on in the use profile, i.e. ${formatPercent(t.hoursCutShare, 'en')} of their use-phase impact. Servers (continuous service), smartphones and tablets (on battery, sleeping on their own) are not concerned. The embodied impact does not change.`,
  };
}

function switchOffSaving(footprint: FootprintResult, factors: FootprintFactors): LeverSaving {
  const method = switchOffMethod(factors);
  const t = factors.levers.switch_off;
  const concerned = footprint.devices.filter((d) => t.devices.includes(d.device) && d.kWhPerYear !== null);
  if (concerned.length === 0) {
    return notApplicable(
      'switch_off',
      {
        fr: `Aucun des appareils concernés (${listJoin(
          t.devices.map((d) => factors.devices[d].noun.other.fr),
          'fr',
        )}) n'est inventorié avec une consommation estimée.`,
        en: `None of the devices concerned (${listJoin(
          t.devices.map((d) => factors.devices[d].noun.other.en),
          'en',
        )}) is inventoried with an estimated consumption.`,
      },
      method,
    );
  }
  const perDevice: LeverDeviceSaving[] = concerned.map((d) => ({
    device: d.device,
    count: d.count,
    from: d.hoursPerDay,
    to: d.hoursPerDay * (1 - t.hoursCutShare),
    perCriterion: perCriterionOf((c) => {
      const use = d.perCriterion[c].use;
      return use === null ? null : use * t.hoursCutShare;
    }),
  }));
  const describe = (climate: number | null, share: number | null, lang: Lang): string => {
    const parts = perDevice.map((p) => {
      const d = concerned.find((x) => x.device === p.device) as DeviceFootprint;
      const minutes = Math.round((p.from - p.to) * 60);
      return lang === 'fr'
        ? `${yours(d, factors, lang, p.count)} ${p.count === 1 ? 'reste allumé' : 'restent allumés'} ${formatNumber(minutes, lang)} min de moins par jour`
        : `${yours(d, factors, lang, p.count)} ${p.count === 1 ? 'is' : 'are'} on ${formatNumber(minutes, lang)} min less a day`;
    });
    return lang === 'fr'
      ? `Éteindre ce qui ne sert pas, pour que ${listJoin(parts, lang)} (${formatPercent(t.hoursCutShare, lang)} d'heures en moins), évite ${climatePhrase(climate, share, lang, { fr: 'environ', en: 'about' })}.`
      : `Switching off what is not in use, so that ${listJoin(parts, lang)} (${formatPercent(t.hoursCutShare, lang)} fewer hours), avoids ${climatePhrase(climate, share, lang, { fr: 'environ', en: 'about' })}.`;
  };
  return applicable('switch_off', perDevice, footprint, method, describe);
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
    switchOffSaving(footprint, factors),
  ];
}

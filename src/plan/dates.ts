/**
 * Dates of the plan, pure. A due date is a calendar day in the organisation's time zone (a
 * quarter is due on its last day); "today" is read in that time zone, so a commitment becomes
 * overdue at the organisation's midnight, not the server's.
 */
import { OPEN_STATUSES, type CommitmentStatus, type DueKind } from './plan.types.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/i;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export interface Due {
  kind: DueKind;
  /** YYYY-MM-DD: the day, or the last day of the quarter. */
  date: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Whether Y-M-D is a real calendar day (no 31 April, 29 February only in leap years). */
export function isCalendarDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Last day of a quarter: Q1 -> 31 March, Q2 -> 30 June, Q3 -> 30 September, Q4 -> 31 December. */
export function quarterEnd(year: number, quarter: 1 | 2 | 3 | 4): string {
  const lastMonth = quarter * 3; // 3, 6, 9, 12
  const last = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${pad(lastMonth)}-${pad(last)}`;
}

/** "2027-03-31" (a day) or "2027-Q2" (a quarter); null when it is neither. */
export function parseDue(text: string): Due | null {
  const q = QUARTER.exec(text.trim());
  if (q) {
    const year = Number(q[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return { kind: 'quarter', date: quarterEnd(year, Number(q[2]) as 1 | 2 | 3 | 4) };
  }
  return isCalendarDay(text.trim()) ? { kind: 'date', date: text.trim() } : null;
}

/** The way a due is written back: the day, or "2027-Q2". */
export function dueText(kind: DueKind, date: string): string {
  if (kind === 'date') return date;
  const [y, m] = date.split('-').map(Number);
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** Today (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Passed its due day (in the organisation's time zone) while still open. */
export function isOverdue(c: { dueDate: string | null; status: CommitmentStatus }, today: string): boolean {
  return c.dueDate !== null && c.dueDate < today && OPEN_STATUSES.includes(c.status);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000) || 0;
}

/** An IANA time zone name this runtime knows, e.g. Europe/Paris. */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return false;
  if (name === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
  } catch {
    return false;
  }
  return Intl.supportedValuesOf('timeZone').includes(name) || /^[A-Za-z]+\/[A-Za-z_+-]+(\/[A-Za-z_+-]+)?$/.test(name);
}

/**
 * The time zone an organisation gets until an owner sets one: its country's (the capital's
 * zone where a country has several), Europe/Paris when no country is known (the product's
 * home: French workshops), UTC for a country not listed.
 */
const COUNTRY_ZONES: Readonly<Record<string, string>> = {
  FR: 'Europe/Paris',
  BE: 'Europe/Brussels',
  LU: 'Europe/Luxembourg',
  CH: 'Europe/Zurich',
  MC: 'Europe/Monaco',
  DE: 'Europe/Berlin',
  AT: 'Europe/Vienna',
  NL: 'Europe/Amsterdam',
  ES: 'Europe/Madrid',
  PT: 'Europe/Lisbon',
  IT: 'Europe/Rome',
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  PL: 'Europe/Warsaw',
  CZ: 'Europe/Prague',
  SK: 'Europe/Bratislava',
  HU: 'Europe/Budapest',
  RO: 'Europe/Bucharest',
  BG: 'Europe/Sofia',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  SI: 'Europe/Ljubljana',
  DK: 'Europe/Copenhagen',
  SE: 'Europe/Stockholm',
  NO: 'Europe/Oslo',
  FI: 'Europe/Helsinki',
  EE: 'Europe/Tallinn',
  LV: 'Europe/Riga',
  LT: 'Europe/Vilnius',
  MT: 'Europe/Malta',
  CY: 'Asia/Nicosia',
  US: 'America/New_York',
  CA: 'America/Toronto',
  CN: 'Asia/Shanghai',
  MA: 'Africa/Casablanca',
  TN: 'Africa/Tunis',
  DZ: 'Africa/Algiers',
  SN: 'Africa/Dakar',
  CI: 'Africa/Abidjan',
};

export function defaultTimeZone(country: string | null | undefined): string {
  if (!country) return 'Europe/Paris';
  return COUNTRY_ZONES[country.trim().toUpperCase()] ?? 'UTC';
}

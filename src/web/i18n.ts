/**
 * The language of the pages: French by default, English on request (a switch remembered in
 * the `fi_lang` cookie). Every UI string lives in `messages.ts`, each entry holding both languages.
 */
import type { Request } from 'express';
import type { I18nText, Lang } from '../questionnaires/template.types.js';
import { parseCookies } from '../accounts/session-cookie.js';
import { MESSAGES, type MessageKey } from './messages.js';

export type { Lang };
export const LANGS: readonly Lang[] = ['fr', 'en'];
export const DEFAULT_LANG: Lang = 'fr';
export const LANG_COOKIE = 'fi_lang';

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

export function langOf(req: Request): Lang {
  const chosen = parseCookies(req.headers.cookie)[LANG_COOKIE];
  return isLang(chosen) ? chosen : DEFAULT_LANG;
}

/** A UI string with `{name}` placeholders filled in, and `{#one|other}` chosen by `count` (plurals). */
export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return fill(MESSAGES[key][lang], lang, vars);
}

/**
 * Fills `{name}` placeholders, and picks `{#one|other}` by the `count` variable (`{name#one|other}` by
 * another one): French counts 0 and 1 as singular ("0 réponse", "1 partie"), English only 1
 * ("0 answers", "1 answer"). lib.js does the same for the page scripts.
 */
export function fill(text: string, lang: Lang, vars: Record<string, string | number>): string {
  return text
    .replace(/\{(\w*)#((?:[^|{}]|\{\w+\})*)\|((?:[^|{}]|\{\w+\})*)\}/g, (whole, name: string, singular: string, plural: string) => {
      const key = name || 'count';
      if (!(key in vars)) return whole;
      const n = Number(vars[key]);
      return (lang === 'fr' ? Math.abs(n) < 2 : n === 1) ? singular : plural;
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A template text ({fr, en}) in the page's language. */
export function tr(text: I18nText | null | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] || text.fr || text.en || '';
}

/** The strings page scripts need (keys starting with `js.`), in one language. */
export function clientMessages(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, text] of Object.entries(MESSAGES)) if (key.startsWith('js.')) out[key.slice(3)] = text[lang];
  return out;
}

/** Numbers in the reader's language (fr: "1 234,5"; en: "1,234.5"). */
export function formatNumber(value: number, lang: Lang, maxDecimals = 1): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: maxDecimals })
    .format(value)
    .replace(/\u202f/g, '\u00a0');
}

export function formatDate(iso: string | Date, lang: Lang): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(d);
}

export function formatShortDate(iso: string | Date, lang: Lang): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' }).format(d);
}

export function formatDateTime(iso: string | Date, lang: Lang): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

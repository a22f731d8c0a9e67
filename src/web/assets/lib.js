// Shared helpers of the page scripts: page data, UI messages, JSON API calls with the CSRF
// header, and a small DOM builder (text always goes through textContent: never innerHTML).
import * as figures from './figures.js';

/** Parses a JSON data block written by the server (`<script type="application/json" id=...>`). */
export function readJson(id) {
  const el = document.getElementById(id);
  if (!el) return null;
  try {
    return JSON.parse(el.textContent || 'null');
  } catch {
    return null;
  }
}

const messages = readJson('i18n') || {};
export const lang = document.documentElement.lang === 'en' ? 'en' : 'fr';
const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';

/** A UI message in the page's language, `{name}` placeholders filled in, `{#one|other}` chosen by `count` (as i18n.ts fill()). */
export function msg(key, vars = {}) {
  const text = Object.hasOwn(messages, key) ? messages[key] : key;
  return text
    .replace(/\{(\w*)#((?:[^|{}]|\{\w+\})*)\|((?:[^|{}]|\{\w+\})*)\}/g, (whole, name, singular, plural) => {
      const k = name || 'count';
      if (!Object.hasOwn(vars, k)) return whole;
      const n = Number(vars[k]);
      return (lang === 'fr' ? Math.abs(n) < 2 : n === 1) ? singular : plural;
    })
    .replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

/** A template text {fr, en} in the page's language. */
export function tr(text) {
  if (!text) return '';
  if (typeof text === 'string') return text;
  return text[lang] || text.fr || text.en || '';
}

export function fmtNumber(value, maxDecimals = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals }).format(value).replace(/\u202f/g, '\u00a0');
}

/** 2 significant digits, as the report prints footprint figures (figures.js, shared with the report). */
export function fmtSignificant(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return msg('notEstimated');
  return figures.significant(value, lang);
}

/** "12 000–17 000", or '' when the range rounds to one number. */
export function fmtRange(low, high) {
  return figures.range(low, high, lang);
}

/** A score or maturity 0-100 to the unit, as the report prints it (figures.js). */
export function fmtScore(value) {
  return figures.score(value, lang);
}

/** A share 0-1 of a footprint (a saving), two significant digits, as the report prints it (figures.js). */
export function fmtShare(value) {
  return figures.share(value, lang);
}

/** A ratio 0-1 as a whole percentage (confidence), as the report prints it (figures.js). */
export function fmtRatio(value) {
  return figures.percent(value, lang);
}

/** A change of score, signed, to the unit, as the report prints it (figures.js). */
export function fmtSignedPoints(value) {
  return figures.signedPoints(value, lang);
}

export function fmtPercent(fraction, maxDecimals = 0) {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: maxDecimals })
    .format(fraction)
    .replace(/\u202f/g, '\u00a0');
}

export function fmtTime(date = new Date()) {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
}

export function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'fi_csrf') return decodeURIComponent(rest.join('='));
  }
  return '';
}

let expiredShown = false;
/** Shown once when an API call answers 401: the session cookie has expired. */
export function sessionExpired() {
  if (expiredShown) return;
  expiredShown = true;
  const next = location.pathname + location.search;
  const banner = h(
    'div',
    { class: 'notice notice-error session-expired', role: 'alert' },
    msg('sessionExpired') + ' ',
    h('a', { href: `/login?next=${encodeURIComponent(next)}` }, msg('logInAgain')),
  );
  document.getElementById('main')?.prepend(banner);
  banner.scrollIntoView({ block: 'nearest' });
}

/**
 * Calls the JSON API with the session cookie and the CSRF header.
 * Resolves to { ok, status, data } (data: parsed JSON or problem+json, or null); status 0 = network failure.
 */
export async function api(method, url, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrfToken();
  let res;
  try {
    res = await fetch(url, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, data: null };
  }
  let data = null;
  const type = res.headers.get('content-type') || '';
  if (res.status !== 204 && type.includes('json')) data = await res.json().catch(() => null);
  if (res.status === 401) sessionExpired();
  return { ok: res.ok, status: res.status, data };
}

/** The API's message for a failed call, or a generic one. */
export function problemText(result) {
  if (result.status === 0) return msg('networkError');
  if (result.status === 403) return msg('forbidden');
  return (result.data && result.data.detail) || msg('unexpectedError', { status: result.status });
}

function applyAttrs(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.setAttribute('class', value);
    else if (name === 'text') el.textContent = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === true) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Builds an HTML element: h('p', { class: 'x' }, 'text', h('strong', {}, 'bold')). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Builds an SVG element. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Says something to screen-reader users through the page's polite live region. */
export function announce(text) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = text;
  }, 50);
}

/** Focuses the error summary or notice marked data-autofocus, if any. */
export function focusMarked() {
  const el = document.querySelector('[data-autofocus]');
  if (el instanceof HTMLElement) el.focus();
}

/**
 * A table wider than the screen scrolls sideways inside its box (.table-scroll). Keyboard users
 * must be able to scroll it too (WCAG 2.1.1): the box takes the focus while, and only while, its
 * content overflows, as a group named after the table's caption. Boxes added later by the page
 * scripts, or shown later (a <details> opened, a narrower window), are followed.
 */
function followScrollBox(box) {
  if (box.scrollWidth > box.clientWidth + 1) {
    box.setAttribute('tabindex', '0');
    const caption = box.querySelector('caption');
    if (caption?.textContent && !box.hasAttribute('aria-label')) {
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', caption.textContent.trim());
    }
  } else {
    box.removeAttribute('tabindex');
  }
}

const scrollBoxes =
  typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => entries.forEach((e) => followScrollBox(e.target))) : null;
function watchScrollBoxes(root) {
  if (!scrollBoxes || !(root instanceof Element || root instanceof Document)) return;
  if (root instanceof Element && root.matches('.table-scroll')) scrollBoxes.observe(root);
  root.querySelectorAll('.table-scroll').forEach((box) => scrollBoxes.observe(box));
}
if (scrollBoxes) {
  watchScrollBoxes(document);
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(watchScrollBoxes))).observe(document.body, {
    childList: true,
    subtree: true,
  });
}

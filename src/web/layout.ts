import type { Role } from '../accounts/user.entity.js';
import { attrs, html, jsonBlock, type SafeHtml } from './html.js';
import { clientMessages, t, type Lang } from './i18n.js';
import type { MessageKey } from './messages.js';

export type NavItem = 'dashboard' | 'compare' | 'members';

/** What every page knows about the request. */
export interface PageContext {
  lang: Lang;
  /** Path and query of this page, for the language switch to come back to. */
  path: string;
  csrf: string;
  user?: { email: string; role: Role; organisationName: string };
}

export interface PageOptions {
  title: string;
  main: SafeHtml;
  nav?: NavItem;
  /** Page scripts under /assets (ES modules). */
  scripts?: string[];
  /** Data for the page scripts (a JSON block with id `page-data`). */
  data?: unknown;
  /** Narrow single-column layout (forms). */
  narrow?: boolean;
  /** Whether the page scripts need the UI messages (default: when there are scripts). */
  messages?: boolean;
}

const NAV: Array<{ id: NavItem; href: string; label: MessageKey }> = [
  { id: 'dashboard', href: '/dashboard', label: 'nav.dashboard' },
  { id: 'compare', href: '/compare', label: 'nav.compare' },
  { id: 'members', href: '/members', label: 'nav.members' },
];

const LOGO = html`<svg class="brand-mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
  <rect x="1" y="1" width="30" height="30" rx="7" fill="#0c5e4a" />
  <path d="M9 22c0-7 5-12 14-12-1 8-5 13-12 13" fill="none" stroke="#e9f6f1" stroke-width="2.4" stroke-linecap="round" />
  <path d="M9 23l7-7" stroke="#e9f6f1" stroke-width="2.4" stroke-linecap="round" />
</svg>`;

/**
 * The other language's name on a desktop, its code ("EN") on a phone. The accessible name holds
 * both words shown (WCAG 2.5.3, label in name: a voice-control user says what they see).
 */
/** Its name is the text shown (the language's name, or its code on a phone), so it always matches what is seen (WCAG 2.5.3); the title says what it does. */
function langSwitch(ctx: PageContext): SafeHtml {
  const other: Lang = ctx.lang === 'fr' ? 'en' : 'fr';
  const href = `/lang/${other}?next=${encodeURIComponent(ctx.path)}`;
  return html`<a class="lang-switch" href="${href}" lang="${other}" hreflang="${other}" title="${t(other, 'lang.switchLabel')}"
    ><span class="lang-long">${t(other, 'lang.name')}</span><span class="lang-short">${other.toUpperCase()}</span></a
  >`;
}

function header(ctx: PageContext, nav: NavItem | undefined): SafeHtml {
  const home = ctx.user ? '/dashboard' : '/login';
  // Who is signed in links to their password page (on phones, where that block is hidden, a button does).
  const onPasswordPage = ctx.path.startsWith('/account/password');
  return html`<header class="site-header">
    <div class="header-inner">
      <a class="brand" href="${home}">${LOGO}<span class="brand-name">${t(ctx.lang, 'brand.name')}</span></a>
      ${
        ctx.user
          ? html`<nav class="main-nav" aria-label="${t(ctx.lang, 'nav.label')}">
              <ul>
                ${NAV.map(
                  (n) =>
                    html`<li>
                      <a href="${n.href}" ${attrs({ 'aria-current': n.id === nav ? 'page' : null })}>${t(ctx.lang, n.label)}</a>
                    </li>`,
                )}
              </ul>
            </nav>`
          : ''
      }
      <div class="header-tools">
        ${langSwitch(ctx)}
        ${
          ctx.user
            ? html`<div class="account">
                <a
                  class="account-who"
                  href="/account/password"
                  ${attrs({ title: t(ctx.lang, 'nav.passwordLabel'), 'aria-current': onPasswordPage ? 'page' : null })}
                  ><span class="account-org">${ctx.user.organisationName}</span
                  ><span class="account-email">${t(ctx.lang, `role.${ctx.user.role}`)} · ${ctx.user.email}</span
                  ><span class="visually-hidden"> · ${t(ctx.lang, 'nav.passwordLabel')}</span></a
                >
                <a
                  class="button button-quiet button-small account-password"
                  href="/account/password"
                  ${attrs({ 'aria-current': onPasswordPage ? 'page' : null })}
                  >${t(ctx.lang, 'nav.password')}</a
                >
                <form method="post" action="/logout" class="inline-form">
                  <input type="hidden" name="_csrf" value="${ctx.csrf}" /><button type="submit" class="button button-quiet button-small">
                    ${t(ctx.lang, 'nav.logout')}
                  </button>
                </form>
              </div>`
            : ''
        }
      </div>
    </div>
  </header>`;
}

export function layout(ctx: PageContext, page: PageOptions): string {
  const { lang } = ctx;
  const doc = html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>${page.title} · ${t(lang, 'brand.name')}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/app.css" />
        ${(page.scripts ?? []).map((s) => html`<script type="module" src="/assets/${s}"></script>`)}
      </head>
      <body>
        <a class="skip-link" href="#main">${t(lang, 'nav.skip')}</a>
        ${header(ctx, page.nav)}
        <main id="main" tabindex="-1" class="${page.narrow ? 'container container-narrow' : 'container'}">${page.main}</main>
        <footer class="site-footer">
          <div class="container">
            <p>${t(lang, 'footer.basedOn')}</p>
            <p><a href="/docs">${t(lang, 'footer.api')}</a></p>
          </div>
        </footer>
        <div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
        ${(page.messages ?? Boolean(page.scripts?.length)) ? jsonBlock('i18n', clientMessages(lang)) : ''}
        ${page.data !== undefined ? jsonBlock('page-data', page.data) : ''}
      </body>
    </html>`;
  return doc.value;
}

/** An error summary at the top of a form (focused by the page script), with links to the fields. */
export function errorSummary(lang: Lang, errors: Array<{ field: string; message: string }>): SafeHtml {
  if (!errors.length) return html``;
  return html`<div class="error-summary" role="alert" tabindex="-1" data-autofocus>
    <h2>${t(lang, 'form.errorsTitle')}</h2>
    <ul>
      ${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}
    </ul>
  </div>`;
}

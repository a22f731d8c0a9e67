import { html } from '../html.js';
import { t } from '../i18n.js';
import { layout, type PageContext } from '../layout.js';
import type { MessageKey } from '../messages.js';

const TEXTS: Record<number, { title: MessageKey; body: MessageKey }> = {
  403: { title: 'error.403.title', body: 'error.403.body' },
  404: { title: 'error.404.title', body: 'error.404.body' },
  429: { title: 'error.429.title', body: 'error.429.body' },
};

export function errorPage(ctx: PageContext, status: number, detail?: string, requestId?: string): string {
  const { lang } = ctx;
  const texts = TEXTS[status] ?? { title: 'error.500.title' as MessageKey, body: 'error.500.body' as MessageKey };
  return layout(ctx, {
    title: t(lang, texts.title),
    narrow: true,
    main: html`<div class="auth-card">
      <h1>${t(lang, texts.title)}</h1>
      <p>${t(lang, texts.body)}</p>
      ${detail ? html`<p class="muted">${detail}</p>` : ''}
      ${requestId ? html`<p class="muted">${t(lang, 'error.requestId', { id: requestId })}</p>` : ''}
      <p>
        <a class="button button-primary" href="${ctx.user ? '/dashboard' : '/login'}"
          >${t(lang, ctx.user ? 'error.backDashboard' : 'error.backLogin')}</a
        >
      </p>
    </div>`,
  });
}

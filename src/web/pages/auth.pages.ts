import { HOSTING, ORGANISATION_KINDS, PUBLIC_BODY_TYPES } from '../../accounts/organisation.entity.js';
import { attrs, html } from '../html.js';
import { t, type Lang } from '../i18n.js';
import { errorSummary, layout, type PageContext } from '../layout.js';
import { csrfField, field, select } from './forms.js';

export type FieldErrors = Partial<Record<string, string>>;

function summaryOf(lang: Lang, errors: FieldErrors, formError?: string) {
  if (formError) return html`<div class="error-summary" role="alert" tabindex="-1" data-autofocus><p>${formError}</p></div>`;
  return errorSummary(
    lang,
    Object.entries(errors).map(([f, message]) => ({ field: f, message: message ?? '' })),
  );
}

export function loginPage(ctx: PageContext, v: { email?: string; next?: string; error?: string; notice?: string }): string {
  const { lang } = ctx;
  return layout(ctx, {
    title: t(lang, 'login.title'),
    narrow: true,
    scripts: ['forms.js'],
    messages: false,
    main: html`<div class="auth-card">
      <h1>${t(lang, 'login.title')}</h1>
      <p class="lead">${t(lang, 'login.lead')}</p>
      ${v.notice ? html`<div class="notice notice-success" role="status">${v.notice}</div>` : ''} ${summaryOf(lang, {}, v.error)}
      <form method="post" action="/login" novalidate class="stack">
        ${csrfField(ctx.csrf)}
        <input type="hidden" name="next" value="${v.next ?? ''}" />
        ${field({ id: 'email', label: t(lang, 'field.email'), type: 'email', value: v.email, autocomplete: 'email', required: true, extra: { spellcheck: 'false' } })}
        ${field({ id: 'password', label: t(lang, 'field.password'), type: 'password', autocomplete: 'current-password', required: true })}
        <button type="submit" class="button button-primary button-block">${t(lang, 'login.submit')}</button>
      </form>
      <p class="auth-alt">${t(lang, 'login.noAccount')} <a href="/signup">${t(lang, 'login.toSignup')}</a></p>
    </div>`,
  });
}

export interface SignupValues {
  organisationName?: string;
  email?: string;
  sector?: string;
  country?: string;
  /** The organisation's profile (optional): fills the questionnaire's first section. */
  kind?: string;
  publicBodyType?: string;
  staff?: string;
  inhabitants?: string;
  buildsServices?: string;
  hosting?: string[];
}

/** Countries offered at sign up: the ones with their own electricity figures first, then the rest of the EU and neighbours. */
const COUNTRIES = [
  'FR',
  'BE',
  'CH',
  'LU',
  'CA',
  'DE',
  'ES',
  'IT',
  'GB',
  'PL',
  'SE',
  'US',
  'CN',
  'AT',
  'BG',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'GR',
  'HR',
  'HU',
  'IE',
  'LT',
  'LV',
  'MT',
  'NL',
  'PT',
  'RO',
  'SI',
  'SK',
  'NO',
  'MA',
  'TN',
  'DZ',
  'SN',
  'CI',
];

export function countryOptions(lang: Lang): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  const collator = new Intl.Collator(lang);
  const list = COUNTRIES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => collator.compare(a.label, b.label));
  return [{ value: '', label: t(lang, 'signup.countryNone') }, ...list];
}

/**
 * The organisation's profile at sign-up: kind, kind of public body, headcount, inhabitants, builds
 * services, hosting. Optional, grouped under its own legend; a plain form (no script needed).
 */
function profileFields(lang: Lang, v: SignupValues, errors: FieldErrors) {
  const optional = t(lang, 'form.optional');
  const hosting = new Set(v.hosting ?? []);
  const radio = (name: string, value: string, label: string, checked: boolean) =>
    html`<div class="option">
      <input type="radio" id="${name}-${value || 'none'}" name="${name}" value="${value}" ${attrs({ checked })} /><label
        for="${name}-${value || 'none'}"
        >${label}</label
      >
    </div>`;
  return html`<fieldset class="signup-profile stack" aria-describedby="profile-lead">
    <legend>${t(lang, 'signup.profileLegend')} <span class="optional">${optional}</span></legend>
    <p class="hint" id="profile-lead">${t(lang, 'signup.profileLead')}</p>
    ${select({
      id: 'kind',
      label: t(lang, 'field.kind'),
      value: v.kind,
      options: [
        { value: '', label: t(lang, 'signup.unspecified') },
        ...ORGANISATION_KINDS.map((k) => ({ value: k, label: t(lang, `kind.${k}`) })),
      ],
      error: errors.kind,
    })}
    ${select({
      id: 'publicBodyType',
      label: t(lang, 'field.publicBodyType'),
      value: v.publicBodyType,
      hint: t(lang, 'field.publicBodyTypeHint'),
      options: [
        { value: '', label: t(lang, 'signup.unspecified') },
        ...PUBLIC_BODY_TYPES.map((k) => ({ value: k, label: t(lang, `publicBodyType.${k}`) })),
      ],
      error: errors.publicBodyType,
    })}
    ${field({ id: 'staff', label: t(lang, 'field.staff'), type: 'number', value: v.staff, hint: t(lang, 'field.staffHint'), error: errors.staff, extra: { min: 1, max: 1000000, step: 1, inputmode: 'numeric' } })}
    ${field({ id: 'inhabitants', label: t(lang, 'field.inhabitants'), type: 'number', value: v.inhabitants, hint: t(lang, 'field.inhabitantsHint'), error: errors.inhabitants, extra: { min: 0, max: 100000000, step: 1, inputmode: 'numeric' } })}
    <fieldset class="field${errors.buildsServices ? ' field-invalid' : ''}">
      <legend>${t(lang, 'field.buildsServices')}</legend>
      ${errors.buildsServices ? html`<p class="field-error" id="buildsServices-error">${errors.buildsServices}</p>` : ''}
      <div class="options options-inline">
        ${radio('buildsServices', 'true', t(lang, 'signup.yes'), v.buildsServices === 'true')}
        ${radio('buildsServices', 'false', t(lang, 'signup.no'), v.buildsServices === 'false')}
        ${radio('buildsServices', '', t(lang, 'signup.unspecified'), !v.buildsServices)}
      </div>
    </fieldset>
    <fieldset
      class="field${errors.hosting ? ' field-invalid' : ''}"
      aria-describedby="hosting-hint${errors.hosting ? ' hosting-error' : ''}"
    >
      <legend>${t(lang, 'field.hosting')}</legend>
      <p class="hint" id="hosting-hint">${t(lang, 'field.hostingHint')}</p>
      ${errors.hosting ? html`<p class="field-error" id="hosting-error">${errors.hosting}</p>` : ''}
      <div class="options">
        ${HOSTING.map(
          (h) =>
            html`<div class="option">
              <input type="checkbox" id="hosting-${h}" name="hosting" value="${h}" ${attrs({ checked: hosting.has(h) })} /><label
                for="hosting-${h}"
                >${t(lang, `hosting.${h}`)}</label
              >
            </div>`,
        )}
      </div>
    </fieldset>
  </fieldset>`;
}

export function signupPage(ctx: PageContext, v: SignupValues, errors: FieldErrors = {}): string {
  const { lang } = ctx;
  return layout(ctx, {
    title: t(lang, 'signup.title'),
    narrow: true,
    scripts: ['forms.js'],
    messages: false,
    main: html`<div class="auth-card">
      <h1>${t(lang, 'signup.title')}</h1>
      <p class="lead">${t(lang, 'signup.lead')}</p>
      ${summaryOf(lang, errors)}
      <form method="post" action="/signup" novalidate class="stack">
        ${csrfField(ctx.csrf)}
        ${field({ id: 'organisationName', label: t(lang, 'field.organisation'), value: v.organisationName, autocomplete: 'organization', required: true, error: errors.organisationName })}
        ${field({ id: 'email', label: t(lang, 'field.workEmail'), type: 'email', value: v.email, autocomplete: 'email', required: true, error: errors.email, extra: { spellcheck: 'false' } })}
        ${field({ id: 'password', label: t(lang, 'field.password'), type: 'password', autocomplete: 'new-password', required: true, hint: t(lang, 'field.passwordHint'), error: errors.password, extra: { minlength: 10 } })}
        ${field({ id: 'sector', label: t(lang, 'field.sector'), value: v.sector, optionalLabel: t(lang, 'form.optional'), hint: t(lang, 'field.sectorHint'), error: errors.sector })}
        ${select({ id: 'country', label: t(lang, 'field.country'), value: v.country, optionalLabel: t(lang, 'form.optional'), hint: t(lang, 'field.countryHint'), options: countryOptions(lang), error: errors.country })}
        ${profileFields(lang, v, errors)}
        <button type="submit" class="button button-primary button-block">${t(lang, 'signup.submit')}</button>
      </form>
      <p class="auth-alt">${t(lang, 'signup.haveAccount')} <a href="/login">${t(lang, 'signup.toLogin')}</a></p>
    </div>`,
  });
}

export function invitePage(ctx: PageContext, v: { token: string; error?: string }, errors: FieldErrors = {}): string {
  const { lang } = ctx;
  return layout(ctx, {
    title: t(lang, 'invite.title'),
    narrow: true,
    scripts: ['forms.js'],
    messages: false,
    main: html`<div class="auth-card">
      <h1>${t(lang, 'invite.title')}</h1>
      <p class="lead">${t(lang, 'invite.lead')}</p>
      ${ctx.user ? html`<div class="notice" role="note">${t(lang, 'invite.loggedInAs', { email: ctx.user.email })}</div>` : ''}
      ${v.error ? summaryOf(lang, {}, v.error) : summaryOf(lang, errors)}
      <form method="post" action="/invite" novalidate class="stack">
        ${csrfField(ctx.csrf)}
        <input type="hidden" name="token" value="${v.token}" />
        ${field({ id: 'password', label: t(lang, 'field.newPassword'), type: 'password', autocomplete: 'new-password', required: true, hint: t(lang, 'field.passwordHint'), error: errors.password, extra: { minlength: 10 } })}
        ${field({ id: 'confirm', label: t(lang, 'field.confirmPassword'), type: 'password', autocomplete: 'new-password', required: true, error: errors.confirm })}
        <button type="submit" class="button button-primary button-block">${t(lang, 'invite.submit')}</button>
      </form>
    </div>`,
  });
}

/** An owner gave the member a one-time link: they choose a new password (and are logged in). */
export function resetPasswordPage(ctx: PageContext, v: { token: string; error?: string }, errors: FieldErrors = {}): string {
  const { lang } = ctx;
  return layout(ctx, {
    title: t(lang, 'reset.title'),
    narrow: true,
    scripts: ['forms.js'],
    messages: false,
    main: html`<div class="auth-card">
      <h1>${t(lang, 'reset.title')}</h1>
      <p class="lead">${t(lang, 'reset.lead')}</p>
      ${v.error ? summaryOf(lang, {}, v.error) : summaryOf(lang, errors)}
      <form method="post" action="/reset-password" novalidate class="stack">
        ${csrfField(ctx.csrf)}
        <input type="hidden" name="token" value="${v.token}" />
        ${field({ id: 'password', label: t(lang, 'field.changedPassword'), type: 'password', autocomplete: 'new-password', required: true, hint: t(lang, 'field.passwordHint'), error: errors.password, extra: { minlength: 10 } })}
        ${field({ id: 'confirm', label: t(lang, 'field.confirmChangedPassword'), type: 'password', autocomplete: 'new-password', required: true, error: errors.confirm })}
        <button type="submit" class="button button-primary button-block">${t(lang, 'reset.submit')}</button>
      </form>
    </div>`,
  });
}

/** A member changes their own password; their other sessions end. */
export function changePasswordPage(ctx: PageContext, v: { done?: boolean; error?: string }, errors: FieldErrors = {}): string {
  const { lang } = ctx;
  return layout(ctx, {
    title: t(lang, 'password.title'),
    narrow: true,
    scripts: ['forms.js'],
    messages: false,
    main: html`<div class="auth-card">
      <h1>${t(lang, 'password.title')}</h1>
      <p class="lead">${t(lang, 'password.lead')}</p>
      ${v.done ? html`<div class="notice notice-success" role="status" tabindex="-1" data-autofocus>${t(lang, 'password.done')}</div>` : ''}
      ${v.error ? summaryOf(lang, {}, v.error) : summaryOf(lang, errors)}
      <form method="post" action="/account/password" novalidate class="stack">
        ${csrfField(ctx.csrf)}
        <input type="text" name="username" value="${ctx.user?.email ?? ''}" autocomplete="username" hidden />
        ${field({ id: 'currentPassword', label: t(lang, 'field.currentPassword'), type: 'password', autocomplete: 'current-password', required: true, error: errors.currentPassword })}
        ${field({ id: 'newPassword', label: t(lang, 'field.changedPassword'), type: 'password', autocomplete: 'new-password', required: true, hint: t(lang, 'field.passwordHint'), error: errors.newPassword, extra: { minlength: 10 } })}
        ${field({ id: 'confirm', label: t(lang, 'field.confirmChangedPassword'), type: 'password', autocomplete: 'new-password', required: true, error: errors.confirm })}
        <button type="submit" class="button button-primary button-block">${t(lang, 'password.submit')}</button>
      </form>
    </div>`,
  });
}

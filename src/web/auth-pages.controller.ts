import { Body, Controller, Get, Header, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { RegisterDto } from '../accounts/accounts.dto.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { CurrentCaller, Public, type Caller } from '../accounts/caller.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem, type PasswordProblem } from '../accounts/password-policy.js';
import { RateLimit } from '../accounts/rate-limit.js';
import { assertCsrf, clearSessionCookies, ensureCsrfCookie, setSessionCookies } from '../accounts/session-cookie.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { AuthConfig } from '../config/app.config.js';
import { isLang, LANG_COOKIE, langOf, t, type Lang } from './i18n.js';
import type { PageContext } from './layout.js';
import type { MessageKey } from './messages.js';
import {
  changePasswordPage,
  invitePage,
  loginPage,
  resetPasswordPage,
  signupPage,
  type FieldErrors,
  type SignupValues,
} from './pages/auth.pages.js';
import { PageErrorFilter } from './page-error.filter.js';
import { safeNext, WebSession } from './web-session.js';

type Form = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The sign-up form's profile fields as the API's: empty means not given; numbers as typed (the DTO checks them). */
function profileOf(v: SignupValues): Record<string, unknown> {
  const num = (x: string | undefined) => (x ? Number(x.replace(/[\s\u00a0\u202f]/g, '')) : undefined);
  return {
    kind: v.kind || undefined,
    publicBodyType: v.kind === 'public_body' ? v.publicBodyType || undefined : undefined,
    staff: num(v.staff),
    inhabitants: v.kind === 'public_body' ? num(v.inhabitants) : undefined,
    buildsServices: v.buildsServices === 'true' ? true : v.buildsServices === 'false' ? false : undefined,
    hosting: v.hosting && v.hosting.length ? v.hosting : undefined,
  };
}

const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, MessageKey> = {
  notBlank: 'form.passwordBlank',
  notOneCharacter: 'form.passwordOneCharacter',
  notCommon: 'form.passwordCommon',
};

/** The API's password rules, in the page's words (undefined when the password is acceptable). */
function passwordError(lang: Lang, password: string): string | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return t(lang, 'form.passwordTooShort');
  if (length > PASSWORD_MAX_LENGTH) return t(lang, 'form.passwordInvalid');
  const problem = passwordProblem(password);
  return problem ? t(lang, PASSWORD_PROBLEM_MESSAGES[problem]) : undefined;
}

/**
 * Pages that open, change or close a session: sign up, log in, accept an invitation, reset or
 * change a password, log out; and the language switch. Plain HTML forms (they work without
 * scripts), protected by the CSRF double submit. Log-in, sign-up and token forms spend the same
 * rate-limit budgets as the API's routes.
 */
@ApiExcludeController()
@Controller()
@UseFilters(PageErrorFilter)
export class AuthPagesController {
  private readonly ttl: number;

  constructor(
    private readonly accounts: AccountsService,
    private readonly session: WebSession,
    config: ConfigService,
  ) {
    this.ttl = config.getOrThrow<AuthConfig>('auth').tokenTtlSeconds;
  }

  @Get()
  @Public()
  async root(@Req() req: Request, @Res() res: Response): Promise<void> {
    res.redirect(303, (await this.session.callerOf(req)) ? '/dashboard' : '/login');
  }

  @Get('lang/:lang')
  @Public()
  switchLanguage(@Param('lang') lang: string, @Query('next') next: unknown, @Res() res: Response, @Req() req: Request): void {
    if (isLang(lang)) {
      res.cookie(LANG_COOKIE, lang, { sameSite: 'lax', path: '/', maxAge: 365 * 24 * 3600 * 1000, httpOnly: true, secure: req.secure });
    }
    res.redirect(303, safeNext(next, '/'));
  }

  // ------------------------------------------------------------------ log in

  @Get('login')
  @Public()
  @Header('Cache-Control', 'no-store')
  async loginForm(@Req() req: Request, @Res() res: Response, @Query('next') next: unknown, @Query('done') done: unknown): Promise<void> {
    if (await this.session.callerOf(req)) return res.redirect(303, safeNext(next));
    const ctx = this.anonymous(req, res);
    const notice = done === 'logout' ? t(ctx.lang, 'login.loggedOut') : undefined;
    this.send(res, 200, loginPage(ctx, { next: typeof next === 'string' ? safeNext(next, '') : '', notice }));
  }

  @Post('login')
  @Public()
  @RateLimit('login')
  async login(@Req() req: Request, @Res() res: Response, @Body() body: Form): Promise<void> {
    const ctx = this.anonymous(req, res);
    const email = str(body.email).trim().toLowerCase();
    const next = safeNext(body.next);
    const again = (status: number, error: MessageKey) =>
      this.send(res, status, loginPage(ctx, { email, next: str(body.next), error: t(ctx.lang, error) }));
    if (!this.csrfOk(req)) return again(403, 'form.csrfExpired');
    if (!email || !str(body.password)) return again(400, 'login.missing');
    try {
      const { accessToken } = await this.accounts.login(email, str(body.password));
      setSessionCookies(req, res, accessToken, this.ttl);
      res.redirect(303, next);
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.InvalidCredentials) return again(401, 'login.bad');
      throw e;
    }
  }

  /** Ends this browser's session for good: its token is revoked, not only its cookie cleared. */
  @Post('logout')
  @Public()
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    assertCsrf(req);
    const caller = await this.session.callerOf(req);
    if (caller) await this.accounts.logout(caller);
    clearSessionCookies(req, res);
    res.redirect(303, '/login?done=logout');
  }

  // ------------------------------------------------------------------ sign up

  @Get('signup')
  @Public()
  @Header('Cache-Control', 'no-store')
  async signupForm(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (await this.session.callerOf(req)) return res.redirect(303, '/dashboard');
    this.send(res, 200, signupPage(this.anonymous(req, res), {}));
  }

  @Post('signup')
  @Public()
  @RateLimit('signup')
  async signup(@Req() req: Request, @Res() res: Response, @Body() body: Form): Promise<void> {
    const ctx = this.anonymous(req, res);
    const values: SignupValues = {
      organisationName: str(body.organisationName),
      email: str(body.email),
      sector: str(body.sector),
      country: str(body.country),
      kind: str(body.kind),
      publicBodyType: str(body.publicBodyType),
      staff: str(body.staff).trim(),
      inhabitants: str(body.inhabitants).trim(),
      buildsServices: str(body.buildsServices),
      hosting: (Array.isArray(body.hosting) ? body.hosting : [body.hosting]).filter((h): h is string => typeof h === 'string' && h !== ''),
    };
    const again = (status: number, errors: FieldErrors) => this.send(res, status, signupPage(ctx, values, errors));
    if (!this.csrfOk(req)) return again(403, { organisationName: t(ctx.lang, 'form.csrfExpired') });
    const errors = await this.checkSignup(ctx.lang, values, str(body.password));
    if (Object.keys(errors).length) return again(400, errors);
    const dto = plainToInstance(RegisterDto, {
      organisationName: values.organisationName,
      email: values.email,
      password: str(body.password),
      sector: values.sector?.trim() || undefined,
      country: values.country || undefined,
      language: ctx.lang,
      ...profileOf(values),
    });
    try {
      const { accessToken } = await this.accounts.register(dto);
      setSessionCookies(req, res, accessToken, this.ttl);
      res.redirect(303, '/dashboard?welcome=1');
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.EmailTaken) return again(409, { email: t(ctx.lang, 'form.emailTaken') });
      throw e;
    }
  }

  /** Friendly messages first; then the API's own DTO rules, so the page never accepts what the API refuses. */
  private async checkSignup(lang: Lang, v: SignupValues, password: string): Promise<FieldErrors> {
    const errors: FieldErrors = {};
    const email = (v.email ?? '').trim();
    if (!(v.organisationName ?? '').trim()) errors.organisationName = t(lang, 'form.organisationRequired');
    if (!email) errors.email = t(lang, 'form.emailRequired');
    const badPassword = passwordError(lang, password);
    if (badPassword) errors.password = badPassword;
    const dto = plainToInstance(RegisterDto, {
      organisationName: v.organisationName,
      email,
      password,
      sector: v.sector?.trim() || undefined,
      country: v.country || undefined,
      ...profileOf(v),
    });
    const FIELD_MESSAGES: Record<string, MessageKey> = {
      organisationName: 'form.organisationInvalid',
      email: 'form.emailInvalid',
      password: 'form.passwordInvalid',
      sector: 'form.sectorInvalid',
      country: 'form.countryInvalid',
      kind: 'form.kindInvalid',
      publicBodyType: 'form.kindInvalid',
      staff: 'form.staffInvalid',
      inhabitants: 'form.inhabitantsInvalid',
      hosting: 'form.hostingInvalid',
    };
    for (const error of await validate(dto)) {
      errors[error.property] ??= t(lang, FIELD_MESSAGES[error.property] ?? 'form.invalid');
    }
    return errors;
  }

  // ------------------------------------------------------------------ invitation

  @Get('invite')
  @Public()
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async inviteForm(@Req() req: Request, @Res() res: Response, @Query('token') token: unknown): Promise<void> {
    const ctx = await this.withOptionalUser(req, res);
    if (typeof token !== 'string' || token.length < 20) {
      return this.send(res, 400, invitePage(ctx, { token: '', error: t(ctx.lang, 'invite.badLink') }));
    }
    this.send(res, 200, invitePage(ctx, { token }));
  }

  @Post('invite')
  @Public()
  @RateLimit('token')
  @Header('Referrer-Policy', 'no-referrer')
  async acceptInvitation(@Req() req: Request, @Res() res: Response, @Body() body: Form): Promise<void> {
    const ctx = await this.withOptionalUser(req, res);
    const token = str(body.token);
    const password = str(body.password);
    const again = (status: number, errors: FieldErrors, error?: string) =>
      this.send(res, status, invitePage(ctx, { token, error }, errors));
    if (!this.csrfOk(req)) return again(403, {}, t(ctx.lang, 'form.csrfExpired'));
    if (token.length < 20 || token.length > 200) return again(400, {}, t(ctx.lang, 'invite.badLink'));
    const errors = this.newPasswordErrors(ctx.lang, password, str(body.confirm), 'password');
    if (Object.keys(errors).length) return again(400, errors);
    try {
      const { accessToken } = await this.accounts.acceptInvitation(token, password);
      setSessionCookies(req, res, accessToken, this.ttl);
      res.redirect(303, '/dashboard?welcome=1');
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.InvalidCredentials) return again(400, {}, t(ctx.lang, 'invite.expired'));
      throw e;
    }
  }

  // ------------------------------------------------------------------ password reset (a link an owner issued)

  @Get('reset-password')
  @Public()
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async resetForm(@Req() req: Request, @Res() res: Response, @Query('token') token: unknown): Promise<void> {
    const ctx = await this.withOptionalUser(req, res);
    if (typeof token !== 'string' || token.length < 20 || token.length > 200) {
      return this.send(res, 400, resetPasswordPage(ctx, { token: '', error: t(ctx.lang, 'reset.badLink') }));
    }
    this.send(res, 200, resetPasswordPage(ctx, { token }));
  }

  @Post('reset-password')
  @Public()
  @RateLimit('token')
  @Header('Referrer-Policy', 'no-referrer')
  async resetPassword(@Req() req: Request, @Res() res: Response, @Body() body: Form): Promise<void> {
    const ctx = await this.withOptionalUser(req, res);
    const token = str(body.token);
    const password = str(body.password);
    const again = (status: number, errors: FieldErrors, error?: string) =>
      this.send(res, status, resetPasswordPage(ctx, { token, error }, errors));
    if (!this.csrfOk(req)) return again(403, {}, t(ctx.lang, 'form.csrfExpired'));
    if (token.length < 20 || token.length > 200) return again(400, {}, t(ctx.lang, 'reset.badLink'));
    const errors = this.newPasswordErrors(ctx.lang, password, str(body.confirm), 'password');
    if (Object.keys(errors).length) return again(400, errors);
    try {
      const { accessToken } = await this.accounts.resetPassword(token, password);
      setSessionCookies(req, res, accessToken, this.ttl);
      res.redirect(303, '/dashboard');
    } catch (e) {
      if (e instanceof DomainError && e.code === ErrorCode.InvalidCredentials) return again(400, {}, t(ctx.lang, 'reset.expired'));
      throw e;
    }
  }

  // ------------------------------------------------------------------ password change (signed in)

  @Get('account/password')
  @Header('Cache-Control', 'no-store')
  async passwordForm(
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res() res: Response,
    @Query('done') done: unknown,
  ): Promise<void> {
    const ctx = await this.signedIn(caller, req, res);
    this.send(res, 200, changePasswordPage(ctx, { done: done === '1' }));
  }

  /** The session cookie (checked with its CSRF token by the global guard) opens this form. */
  @Post('account/password')
  @RateLimit('password')
  async changePassword(@CurrentCaller() caller: Caller, @Req() req: Request, @Res() res: Response, @Body() body: Form): Promise<void> {
    const ctx = await this.signedIn(caller, req, res);
    const current = str(body.currentPassword);
    const again = (status: number, errors: FieldErrors, error?: string) =>
      this.send(res, status, changePasswordPage(ctx, { error }, errors));
    const errors = this.newPasswordErrors(ctx.lang, str(body.newPassword), str(body.confirm), 'newPassword');
    if (!current) errors.currentPassword = t(ctx.lang, 'password.currentRequired');
    if (Object.keys(errors).length) return again(400, errors);
    try {
      const { accessToken, expiresIn } = await this.accounts.changePassword(caller, current, str(body.newPassword));
      setSessionCookies(req, res, accessToken, expiresIn);
      res.redirect(303, '/account/password?done=1');
    } catch (e) {
      if (e instanceof DomainError && e.errors.some((f) => f.field === 'currentPassword')) {
        return again(400, { currentPassword: t(ctx.lang, 'password.wrongCurrent') });
      }
      if (e instanceof DomainError && e.code === ErrorCode.Conflict) return again(409, {}, t(ctx.lang, 'password.changedMeanwhile'));
      throw e;
    }
  }

  // ------------------------------------------------------------------ helpers

  private newPasswordErrors(lang: Lang, password: string, confirm: string, field: string): FieldErrors {
    const errors: FieldErrors = {};
    const bad = passwordError(lang, password);
    if (bad) errors[field] = bad;
    if (password !== confirm) errors.confirm = t(lang, 'form.passwordsDiffer');
    return errors;
  }

  private async signedIn(caller: Caller, req: Request, res: Response): Promise<PageContext> {
    const organisation = await this.accounts.organisation(caller);
    return { ...this.anonymous(req, res), user: { email: caller.email, role: caller.role, organisationName: organisation.name } };
  }

  private anonymous(req: Request, res: Response): PageContext {
    return { lang: langOf(req), path: req.originalUrl, csrf: ensureCsrfCookie(req, res) };
  }

  private async withOptionalUser(req: Request, res: Response): Promise<PageContext> {
    const ctx = this.anonymous(req, res);
    const caller = await this.session.callerOf(req);
    if (!caller) return ctx;
    const organisation = await this.accounts.organisation(caller);
    return { ...ctx, user: { email: caller.email, role: caller.role, organisationName: organisation.name } };
  }

  private csrfOk(req: Request): boolean {
    try {
      assertCsrf(req);
      return true;
    } catch {
      return false;
    }
  }

  private send(res: Response, status: number, page: string): void {
    res.status(status).setHeader('Cache-Control', 'no-store');
    res.type('html').send(page);
  }
}

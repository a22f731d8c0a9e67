import { Body, Controller, Get, Header, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { RegisterDto } from '../accounts/accounts.dto.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { Public } from '../accounts/caller.js';
import { assertCsrf, clearSessionCookies, ensureCsrfCookie, setSessionCookies } from '../accounts/session-cookie.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import type { AuthConfig } from '../config/app.config.js';
import { isLang, LANG_COOKIE, langOf, t, type Lang } from './i18n.js';
import type { PageContext } from './layout.js';
import type { MessageKey } from './messages.js';
import { invitePage, loginPage, signupPage, type FieldErrors, type SignupValues } from './pages/auth.pages.js';
import { PageErrorFilter } from './page-error.filter.js';
import { safeNext, WebSession } from './web-session.js';

type Form = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Pages that open or close a session: sign up, log in, accept an invitation, log out; and the
 * language switch. Plain HTML forms (they work without scripts), protected by the CSRF double submit.
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
  @UseGuards(ThrottlerGuard)
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

  @Post('logout')
  @Public()
  logout(@Req() req: Request, @Res() res: Response): void {
    assertCsrf(req);
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
  @UseGuards(ThrottlerGuard)
  async signup(@Req() req: Request, @Res() res: Response, @Body() body: Form): Promise<void> {
    const ctx = this.anonymous(req, res);
    const values: SignupValues = {
      organisationName: str(body.organisationName),
      email: str(body.email),
      sector: str(body.sector),
      country: str(body.country),
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
    if (password.length < 10) errors.password = t(lang, 'form.passwordTooShort');
    const dto = plainToInstance(RegisterDto, {
      organisationName: v.organisationName,
      email,
      password,
      sector: v.sector?.trim() || undefined,
      country: v.country || undefined,
    });
    const FIELD_MESSAGES: Record<string, MessageKey> = {
      organisationName: 'form.organisationInvalid',
      email: 'form.emailInvalid',
      password: 'form.passwordInvalid',
      sector: 'form.sectorInvalid',
      country: 'form.countryInvalid',
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
  @UseGuards(ThrottlerGuard)
  @Header('Referrer-Policy', 'no-referrer')
  async acceptInvitation(@Req() req: Request, @Res() res: Response, @Body() body: Form): Promise<void> {
    const ctx = await this.withOptionalUser(req, res);
    const token = str(body.token);
    const password = str(body.password);
    const again = (status: number, errors: FieldErrors, error?: string) =>
      this.send(res, status, invitePage(ctx, { token, error }, errors));
    if (!this.csrfOk(req)) return again(403, {}, t(ctx.lang, 'form.csrfExpired'));
    if (token.length < 20 || token.length > 200) return again(400, {}, t(ctx.lang, 'invite.badLink'));
    const errors: FieldErrors = {};
    if (password.length < 10) errors.password = t(ctx.lang, 'form.passwordTooShort');
    else if (password.length > 200) errors.password = t(ctx.lang, 'form.passwordInvalid');
    if (password !== str(body.confirm)) errors.confirm = t(ctx.lang, 'form.passwordsDiffer');
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

  // ------------------------------------------------------------------ helpers

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

import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { loggableError } from '../common/loggable-error.js';
import type { Request, Response } from 'express';
import { clearSessionCookies } from '../accounts/session-cookie.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { langOf, t } from './i18n.js';
import { errorPage } from './pages/error.page.js';
import { csrfOf } from './web-session.js';

/**
 * Errors of the page routes become pages, not problem+json: an expired or missing session
 * sends the browser to the log-in page (and back afterwards); a malformed id is a "not found".
 */
@Catch()
export class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request & { id?: unknown }>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const lang = langOf(req);
    let status = exception instanceof DomainError ? exception.status : exception instanceof HttpException ? exception.getStatus() : 500;
    if (status === 401) {
      clearSessionCookies(req, res);
      res.redirect(303, `/login?next=${encodeURIComponent(req.originalUrl)}`);
      return;
    }
    const requestId = req.id === undefined ? undefined : String(req.id);
    if (status >= 500) this.logger.error({ err: loggableError(exception), requestId }, 'Page failed');
    let detail: string | undefined;
    if (exception instanceof DomainError && exception.code === ErrorCode.Forbidden && /CSRF/.test(exception.message)) {
      detail = t(lang, 'error.csrf');
    }
    if (status === 400 && req.method === 'GET') status = 404;
    const ctx = { lang, path: req.originalUrl, csrf: csrfOf(req) };
    res
      .status(status)
      .setHeader('Cache-Control', 'no-store')
      .type('html')
      .send(errorPage(ctx, status, detail, status >= 500 ? requestId : undefined));
  }
}

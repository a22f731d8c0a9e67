import { Catch, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemDetailsFilter } from '../common/problem-details.filter.js';
import { langOf } from './i18n.js';
import { errorPage } from './pages/error.page.js';
import { csrfOf } from './web-session.js';

/** Paths that belong to machines: an unknown one stays a problem+json 404. */
const MACHINE_PATHS = /^\/(api|docs|docs-json|health|assets)(\/|$)/;

/**
 * An address that matches no route, typed or followed by a person (a GET asking for HTML outside
 * the API), gets the "page not found" page in their language, with a title, a language and a way
 * back, instead of a JSON document the browser shows as raw text. Everything else keeps the
 * problem+json answer of ProblemDetailsFilter.
 */
@Catch(NotFoundException)
export class UnknownPageFilter implements ExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  catch(exception: NotFoundException, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const path = req.originalUrl.split('?')[0];
    const person = (req.method === 'GET' || req.method === 'HEAD') && !MACHINE_PATHS.test(path) && req.accepts(['json', 'html']) === 'html';
    if (!person || res.headersSent) return this.problems.catch(exception, host);
    const ctx = { lang: langOf(req), path: req.originalUrl, csrf: csrfOf(req) };
    res.status(404).setHeader('Cache-Control', 'no-store');
    res.type('html').send(errorPage(ctx, 404));
  }
}

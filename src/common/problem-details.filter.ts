import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { loggableError } from './loggable-error.js';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { databaseProblem } from './database-errors.js';
import { DomainError } from './domain-error.js';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from './problem.js';

/**
 * The one place errors become responses: every error is application/problem+json.
 * Known errors keep their status and message; anything unexpected is logged with the
 * request id and answered with a 500 that reveals nothing but that id.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { id?: string }>();
    const res = http.getResponse<Response>();
    const requestId = typeof req.id === 'string' ? req.id : String(req.id ?? '');
    const problem = this.toProblem(exception, requestId);
    problem.instance = req.originalUrl?.split('?')[0];
    if (requestId) problem.requestId = requestId;
    if (res.headersSent) return;
    if (problem.status === 401 && !res.getHeader('www-authenticate')) res.setHeader('WWW-Authenticate', 'Bearer');
    if (typeof problem.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(problem.retryAfterSeconds));
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, requestId: string): ProblemDetails {
    if (exception instanceof DomainError) {
      return {
        type: problemType(exception.code),
        title: exception.title,
        status: exception.status,
        detail: exception.message,
        ...exception.extensions,
        ...(exception.errors.length ? { errors: exception.errors } : {}),
      };
    }
    if (exception instanceof ThrottlerException) {
      return {
        type: problemType('too-many-requests'),
        title: 'Too many requests',
        status: HttpStatus.TOO_MANY_REQUESTS,
        detail: 'Too many attempts: wait a minute and try again.',
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const message =
        typeof body === 'string'
          ? body
          : Array.isArray((body as { message?: unknown }).message)
            ? (body as { message: string[] }).message.join('; ')
            : String((body as { message?: unknown }).message ?? exception.message);
      const title = typeof body === 'object' && body && 'error' in body ? String(body.error) : httpTitle(status);
      if (status >= 500) this.logger.error({ err: loggableError(exception), requestId }, message);
      return { type: problemType(slug(httpTitle(status))), title, status, detail: message };
    }
    const database = databaseProblem(exception);
    if (database) {
      this.logger.warn({ err: loggableError(exception), requestId }, database.message);
      return this.toProblem(database, requestId);
    }
    this.logger.error({ err: loggableError(exception), requestId }, 'Unexpected error');
    return {
      type: problemType('internal-error'),
      title: 'Internal Server Error',
      status: 500,
      detail: `An unexpected error occurred. Quote request id ${requestId} when reporting it.`,
    };
  }
}

function httpTitle(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

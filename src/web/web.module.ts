import { Injectable, Module, RequestMethod, type MiddlewareConsumer, type NestMiddleware, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AccountsModule } from '../accounts/accounts.module.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { assertAcceptableInput } from '../common/input-limits.js';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { AssignmentsModule } from '../assignments/assignments.module.js';
import { InventoryModule } from '../inventory/inventory.module.js';
import { PlanModule } from '../plan/plan.module.js';
import { AssetsController } from './assets.controller.js';
import { AuthPagesController } from './auth-pages.controller.js';
import { PagesController } from './pages.controller.js';
import { UnknownPageFilter } from './unknown-page.filter.js';
import { WebSession } from './web-session.js';

const FORM = 'application/x-www-form-urlencoded';
const parseForm = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20, type: FORM });

/**
 * Parses the HTML forms of every page route that takes a POST (the JSON middleware only reads
 * api/*): anything but a form is a 415, a form over 16 kB or 20 fields a 413, and its text follows
 * the one rule of input-limits.ts.
 */
@Injectable()
export class FormBodyMiddleware implements NestMiddleware {
  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is(FORM)) {
      throw new DomainError(ErrorCode.UnsupportedMediaType, `Content-Type must be ${FORM} (got ${req.headers['content-type'] ?? 'none'})`);
    }
    // Thrown (not passed to next) so that Nest's filters answer, as for the JSON body.
    await new Promise<void>((resolve, reject) =>
      parseForm(req, res, (err?: unknown) =>
        err
          ? reject(
              (err as { type?: string }).type === 'entity.too.large'
                ? new DomainError(ErrorCode.PayloadTooLarge, 'The form is too large')
                : (err as { type?: string }).type === 'parameters.too.many'
                  ? new DomainError(ErrorCode.PayloadTooLarge, 'The form has too many fields')
                  : new DomainError(ErrorCode.InvalidInput, 'The form could not be read'),
            )
          : resolve(),
      ),
    );
    if (req.body !== undefined) assertAcceptableInput(req.body, 'form');
    next();
  }
}

/** The web interface: server-rendered pages, their forms, and the static assets of their scripts. */
@Module({
  imports: [AccountsModule, AssessmentsModule, AssignmentsModule, PlanModule, InventoryModule],
  controllers: [AuthPagesController, PagesController, AssetsController],
  // An unknown address asked for by a browser gets the HTML "not found" page (the API keeps problem+json).
  providers: [WebSession, { provide: APP_FILTER, useClass: UnknownPageFilter }],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Every POST of the pages (the API has its own JSON parser).
    consumer
      .apply(FormBodyMiddleware)
      .exclude({ path: 'api/*path', method: RequestMethod.ALL })
      .forRoutes({ path: '*path', method: RequestMethod.POST });
  }
}

import { Injectable, Module, RequestMethod, type MiddlewareConsumer, type NestMiddleware, type NestModule } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AccountsModule } from '../accounts/accounts.module.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { AssetsController } from './assets.controller.js';
import { AuthPagesController } from './auth-pages.controller.js';
import { PagesController } from './pages.controller.js';
import { WebSession } from './web-session.js';

const parseForm = express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 });

/** Parses the HTML forms of the page routes (the JSON middleware only reads api/*). */
@Injectable()
export class FormBodyMiddleware implements NestMiddleware {
  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    // Thrown (not passed to next) so that Nest's filters answer, as for the JSON body.
    await new Promise<void>((resolve, reject) =>
      parseForm(req, res, (err?: unknown) =>
        err
          ? reject(
              (err as { type?: string }).type === 'entity.too.large'
                ? new DomainError(ErrorCode.PayloadTooLarge, 'The form is too large')
                : new DomainError(ErrorCode.InvalidInput, 'The form could not be read'),
            )
          : resolve(),
      ),
    );
    next();
  }
}

/** The web interface: server-rendered pages, their forms, and the static assets of their scripts. */
@Module({
  imports: [AccountsModule, AssessmentsModule],
  controllers: [AuthPagesController, PagesController, AssetsController],
  providers: [WebSession],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(FormBodyMiddleware)
      .forRoutes(
        { path: 'login', method: RequestMethod.POST },
        { path: 'signup', method: RequestMethod.POST },
        { path: 'invite', method: RequestMethod.POST },
        { path: 'logout', method: RequestMethod.POST },
        { path: 'reset-password', method: RequestMethod.POST },
        { path: 'account/password', method: RequestMethod.POST },
      );
  }
}

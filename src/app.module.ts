import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccountsModule } from './accounts/accounts.module.js';
import { redactRequestForLog } from './accounts/log-redaction.js';
import { rateLimitModule } from './accounts/rate-limit.js';
import { AssessmentsModule } from './assessments/assessments.module.js';
import { AssignmentsModule } from './assignments/assignments.module.js';
import { JsonBodyMiddleware } from './common/json-body.middleware.js';
import { RequestTextMiddleware } from './common/request-text.middleware.js';
import { ProblemDetailsFilter } from './common/problem-details.filter.js';
import { createValidationPipe } from './common/validation.js';
import { appConfig, authConfig, contentConfig, databaseConfig, templatesDir, type AppConfig } from './config/app.config.js';
import { validateEnvironment } from './config/env.validation.js';
import { DatabaseModule } from './database/database.module.js';
import { FootprintModule } from './footprint/footprint.module.js';
import { HealthModule } from './health/health.module.js';
import { QuestionnairesModule } from './questionnaires/questionnaires.module.js';
import { WebModule } from './web/web.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { ResultsModule } from './results/results.module.js';
import { PlanModule } from './plan/plan.module.js';
import { InventoryModule } from './inventory/inventory.module.js';

const REQUEST_ID = /^[\w.:-]{1,100}$/;

const FEATURE_MODULES = [
  LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService) => ({
      pinoHttp: {
        level: config.getOrThrow<AppConfig>('app').logLevel,
        genReqId: (req: IncomingMessage, res: ServerResponse) => {
          const given = req.headers['x-request-id'];
          const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
          res.setHeader('x-request-id', id);
          return id;
        },
        redact: {
          paths: [
            'req.headers.authorization',
            'req.headers.cookie',
            'res.headers["set-cookie"]',
            'req.body',
            '*.password',
            '*.value',
            '*.comment',
          ],
          censor: '[redacted]',
        },
        // Invitation and reset links carry their token in the URL.
        serializers: { req: redactRequestForLog },
        autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || (req.url ?? '').startsWith('/assets/') },
        customProps: () => ({ service: 'fresque-impact' }),
      },
    }),
  }),
  // Login, sign-up, token and invitation budgets, counted in the database (shared by every instance).
  rateLimitModule(),
  DatabaseModule,
  AccountsModule,
  ResultsModule,
  ReportsModule,
  AssessmentsModule,
  AssignmentsModule,
  PlanModule,
  InventoryModule,
  HealthModule,
  WebModule,
];

/**
 * The root module. `forRoot()` reads and validates the environment when called (not when this
 * file is imported), so a test can set the environment and then build the app.
 */
@Module({})
export class AppModule implements NestModule {
  static async forRoot(): Promise<DynamicModule> {
    // Content first: a malformed template stops the start before any database is opened.
    // The environment first: a wrong TEMPLATES_DIR is named before any file under it is read.
    validateEnvironment(process.env);
    const dir = templatesDir();
    const content = await QuestionnairesModule.forRoot(dir);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          cache: true,
          load: [appConfig, databaseConfig, authConfig, contentConfig],
          validate: validateEnvironment,
        }),
        content,
        FootprintModule.forRoot(dir),
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestTextMiddleware).forRoutes('*path');
    // The inventory upload is multipart/form-data, read and bounded by its own interceptor (src/inventory).
    consumer
      .apply(JsonBodyMiddleware)
      .exclude({ path: 'api/v1/assessments/:id/inventory-imports', method: RequestMethod.POST })
      .forRoutes('api/*path');
  }
}

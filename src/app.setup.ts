import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Server } from 'node:http';
import { Logger } from 'nestjs-pino';
import { parseTrustProxy } from './config/trust-proxy.js';

/**
 * Everything about the HTTP app that is not a module: the same function configures
 * production (main.ts) and the e2e tests, so tests get what production gets.
 */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  const express = app.getHttpAdapter().getInstance() as { disable(name: string): void; set(name: string, v: unknown): void };
  express.disable('x-powered-by');
  // Express hashes every body for a weak ETag (a third of the CPU of a 90 kB results response);
  // API answers are per user and change with every edit, and the page assets set their own.
  express.set('etag', false);
  // X-Forwarded-For (the client address rate limits count against) only from the proxies in TRUST_PROXY.
  const trustProxy = parseTrustProxy(app.get(ConfigService).get<string>('TRUST_PROXY'));
  express.set('trust proxy', 'value' in trustProxy ? trustProxy.value : false);
  // A client that sends its headers or its body too slowly, or holds an idle connection, cannot pin
  // a socket: headers within 10 s, the whole request within 60 s, idle keep-alive connections 5 s.
  const server = app.getHttpServer() as Server;
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, () => buildOpenApi(app), { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Fresque impact API' });
  return app;
}

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Digital-impact self-assessment API')
    .setDescription(
      'Assess how an organisation acts on the environmental impact of its digital equipment and services, ' +
        'following the actions of "La Fresque du Numérique"; get scores, a multi-criteria footprint and a prioritised action plan. ' +
        'Errors are application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

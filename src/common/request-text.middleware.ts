import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { assertAcceptableInput, assertAcceptablePath } from './input-limits.js';

/**
 * Every route, API and pages: the path and the query string follow the one text rule
 * (input-limits.ts) before any handler reads them; bodies are checked by their parsers.
 */
@Injectable()
export class RequestTextMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    assertAcceptablePath(req.originalUrl.split('?')[0]);
    assertAcceptableInput(req.query, 'query');
    next();
  }
}

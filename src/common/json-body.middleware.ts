import { Injectable, type NestMiddleware } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DomainError, ErrorCode } from './domain-error.js';
import { assertAcceptableInput, MAX_JSON_BYTES } from './input-limits.js';

/** The largest API body: real requests are well under it (an answer with a long comment is a few kB). */
export const MAX_BODY_BYTES = MAX_JSON_BYTES;

const parseJson = express.json({ limit: MAX_BODY_BYTES, strict: true, type: ['application/json', 'application/*+json'] });

/**
 * Parses JSON bodies of the API inside Nest (so errors reach the problem+json filter):
 * a body that is not JSON is refused with 415, malformed JSON with 400, over 64 kB with 413; then
 * its shape and its text (input-limits.ts) before any transform: too deep 400, too many fields 413,
 * U+0000 or an unpaired surrogate 400, each naming the field.
 */
@Injectable()
export class JsonBodyMiddleware implements NestMiddleware {
  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is(['application/json', 'application/*+json'])) {
      const got = req.headers['content-type'] ?? 'none';
      throw new DomainError(ErrorCode.UnsupportedMediaType, `Content-Type must be application/json (got ${got})`);
    }
    // Thrown (not passed to next) so that Nest hands the error to the problem+json filter.
    await new Promise<void>((resolve, reject) => parseJson(req, res, (err?: unknown) => (err ? reject(toProblem(err)) : resolve())));
    if (req.body !== undefined) assertAcceptableInput(req.body);
    next();
  }
}

function toProblem(err: unknown): DomainError {
  const e = err as { type?: string; message?: string };
  switch (e.type) {
    case 'entity.too.large':
      return new DomainError(ErrorCode.PayloadTooLarge, `The body exceeds the ${MAX_BODY_BYTES / 1024} kB limit`);
    case 'entity.parse.failed':
      return new DomainError(ErrorCode.MalformedJson, `The body is not valid JSON: ${e.message ?? 'parse error'}`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DomainError(ErrorCode.UnsupportedMediaType, e.message ?? 'unsupported encoding');
    default:
      return new DomainError(ErrorCode.InvalidInput, `The body could not be read: ${e.message ?? 'unknown reason'}`);
  }
}

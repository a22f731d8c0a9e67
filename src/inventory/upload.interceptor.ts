import { HttpException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { catchError, type Observable } from 'rxjs';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { LIMITS } from './limits.js';

/**
 * multer through @nestjs/platform-express, held in memory (the file never touches the disk) and
 * bounded: one file of at most LIMITS.maxFileBytes, three short text fields, nothing else.
 */
export const InventoryFileInterceptor = FileInterceptor('file', {
  limits: { fileSize: LIMITS.maxFileBytes, files: 1, fields: 3, fieldSize: 8 * 1024, parts: 4, fieldNameSize: 20, headerPairs: 20 },
  // File names sent as UTF-8 (as browsers do) are read as UTF-8, not Latin-1.
  defParamCharset: 'utf8',
});

/**
 * Put before InventoryFileInterceptor: turns multer's errors into problems that name the field and
 * the limit (413 for a file over the size limit, 400 for the other parts, 415 for a body that is
 * not multipart/form-data).
 */
@Injectable()
export class UploadProblemsInterceptor implements NestInterceptor {
  intercept(_ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        throw uploadProblem(err);
      }),
    );
  }
}

export function uploadProblem(err: unknown): unknown {
  if (!(err instanceof HttpException)) return err;
  const cause = (err as { cause?: { code?: string; field?: string } }).cause;
  const code = cause?.code;
  if (code === 'LIMIT_FILE_SIZE') {
    const mb = LIMITS.maxFileBytes / 1024 / 1024;
    return new DomainError(ErrorCode.PayloadTooLarge, `The file is larger than ${mb} MB`, {}, [
      { field: 'file', rule: 'maxFileSize', message: `file must be at most ${mb} MB (${LIMITS.maxFileBytes} bytes)` },
    ]);
  }
  if (err.getStatus() === 415) {
    return new DomainError(ErrorCode.UnsupportedMediaType, 'Send the file as multipart/form-data, in a part named "file"');
  }
  if (code) {
    const field = cause?.field ?? 'body';
    const message =
      code === 'LIMIT_UNEXPECTED_FILE'
        ? `the file must be sent in one part named "file" (got "${field}")`
        : `${err.message}: send one part "file" and at most the fields mapping, asOf and defaultClass`;
    return new DomainError(ErrorCode.InvalidInput, message, {}, [{ field, rule: code, message }]);
  }
  return new DomainError(ErrorCode.InvalidInput, `The upload could not be read: ${err.message}`, {}, [
    { field: 'file', rule: 'multipart', message: err.message },
  ]);
}

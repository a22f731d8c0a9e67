/**
 * Errors a service throws on purpose. The global filter maps each code to an HTTP status and a
 * problem+json body; anything else is an unexpected error (a logged 500 with a request id).
 */
export enum ErrorCode {
  NotFound = 'not-found',
  Forbidden = 'forbidden',
  Unauthenticated = 'unauthenticated',
  InvalidCredentials = 'invalid-credentials',
  EmailTaken = 'email-taken',
  InvalidInput = 'invalid-input',
  InvalidAnswer = 'invalid-answer',
  StaleWrite = 'stale-write',
  AssessmentLocked = 'assessment-locked',
  AssessmentIncomplete = 'assessment-incomplete',
  UnreviewedAnswers = 'unreviewed-answers',
  YearTaken = 'year-taken',
  Conflict = 'conflict',
  LastOwner = 'last-owner',
  ReportTimeout = 'report-timeout',
  MalformedJson = 'malformed-json',
  PayloadTooLarge = 'payload-too-large',
  UnsupportedMediaType = 'unsupported-media-type',
  TooManyReports = 'too-many-reports',
  TooManyImports = 'too-many-imports',
  DatabaseUnavailable = 'database-unavailable',
  StorageFull = 'storage-full',
}

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.EmailTaken]: 409,
  [ErrorCode.InvalidInput]: 400,
  [ErrorCode.InvalidAnswer]: 400,
  [ErrorCode.StaleWrite]: 409,
  [ErrorCode.AssessmentLocked]: 409,
  [ErrorCode.AssessmentIncomplete]: 409,
  [ErrorCode.UnreviewedAnswers]: 409,
  [ErrorCode.YearTaken]: 409,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.LastOwner]: 409,
  [ErrorCode.ReportTimeout]: 503,
  [ErrorCode.MalformedJson]: 400,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.TooManyReports]: 429,
  [ErrorCode.TooManyImports]: 429,
  [ErrorCode.DatabaseUnavailable]: 503,
  [ErrorCode.StorageFull]: 507,
};

const TITLE: Record<ErrorCode, string> = {
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.Forbidden]: 'Forbidden',
  [ErrorCode.Unauthenticated]: 'Authentication required',
  [ErrorCode.InvalidCredentials]: 'Invalid credentials',
  [ErrorCode.EmailTaken]: 'Email already registered',
  [ErrorCode.InvalidInput]: 'Invalid input',
  [ErrorCode.InvalidAnswer]: 'Invalid answer',
  [ErrorCode.StaleWrite]: 'Stale write',
  [ErrorCode.AssessmentLocked]: 'Assessment is submitted',
  [ErrorCode.AssessmentIncomplete]: 'Assessment is incomplete',
  [ErrorCode.UnreviewedAnswers]: 'Carried-over answers are not reviewed',
  [ErrorCode.YearTaken]: 'Year already assessed',
  [ErrorCode.Conflict]: 'Conflict',
  [ErrorCode.LastOwner]: 'Last owner',
  [ErrorCode.ReportTimeout]: 'Report took too long',
  [ErrorCode.MalformedJson]: 'Malformed JSON',
  [ErrorCode.PayloadTooLarge]: 'Payload too large',
  [ErrorCode.UnsupportedMediaType]: 'Unsupported media type',
  [ErrorCode.TooManyReports]: 'Too many reports at once',
  [ErrorCode.TooManyImports]: 'Too many inventory files at once',
  [ErrorCode.DatabaseUnavailable]: 'Database unavailable',
  [ErrorCode.StorageFull]: 'Storage full',
};

/** One invalid field and the rule it broke. */
export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export class DomainError extends Error {
  readonly status: number;
  readonly title: string;

  constructor(
    readonly code: ErrorCode,
    detail: string,
    /** Extra members of the problem body (e.g. the current answer on a stale write). */
    readonly extensions: Record<string, unknown> = {},
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'DomainError';
    this.status = STATUS[code];
    this.title = TITLE[code];
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`);
  }
}

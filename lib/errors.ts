export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'too_large'
  | 'unavailable'
  | 'internal';

/** `at`: where in submitted text (a template) a validation failure points, 1-based. */
export type TextLocation = { line: number; column: number };
export type ServiceFailure = { code: ErrorCode; message: string; fields?: Record<string, string>; errorId?: string; at?: TextLocation };

export type Result<T> = { ok: true; data: T } | { ok: false; error: ServiceFailure };

/** A failure the user can act on. Anything else thrown is logged with an id and shown as "something went wrong". */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly at?: TextLocation,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ServiceError('not_found', `${what} not found`);
export const fieldError = (field: string, message: string) => new ServiceError('validation', message, { [field]: message });

export const httpStatus: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

// The one error type of the project. Use cases raise it with a kind that says what went wrong in
// the caller's terms; only the HTTP adapters (functions/http/status.ts, used by the API and the
// pages) turn kinds into status codes. `code` is the snake_case code of the HTTP contract
// (DESIGN.md), `fields` the per-field messages of a validation failure.

export type ErrorKind =
  /** The request cannot be read at all (malformed JSON or form, a code of the wrong shape). */
  | 'malformed'
  /** Readable, but a field breaks a rule; `fields` says which and why. */
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  /** The thing is not in a state that allows this (already decided, already open, imported before). */
  | 'conflict'
  | 'too_large'
  | 'unsupported_media'
  /** Too many requests; `retryAfterSeconds` says when to try again. */
  | 'too_many'
  /** A service we depend on (storage, verification, the identity provider) failed; nothing was done. */
  | 'unavailable';

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly fields?: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(kind: ErrorKind, code: string, message: string, options: { fields?: FieldError[]; retryAfterSeconds?: number } = {}) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The usual validation failure: every field's own message, one summary line. */
export const validationFailed = (fields: FieldError[], message = '请求内容未通过校验，请按提示修改。') =>
  new DomainError('invalid', 'validation_failed', message, { fields });

/** Schema issues (zod's shape) → field errors with dotted paths (`applicant.email`). */
export function fieldErrorsFrom(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}

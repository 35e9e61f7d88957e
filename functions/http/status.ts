// The HTTP side of the one error type (functions/domain/errors.ts): the API answers with these
// statuses and the error shape of DESIGN.md, and the pages set the same statuses on the forms
// they show again with the error.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorKind, FieldError } from '../domain/errors';

const statusByKind: Record<ErrorKind, ContentfulStatusCode> = {
  malformed: 400,
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media: 415,
  too_many: 429,
  unavailable: 503,
};

export const statusOf = (kind: ErrorKind): ContentfulStatusCode => statusByKind[kind];

/** `{ "error": { "code", "message", "fields"? } }` */
export function errorBody(code: string, message: string, fields?: FieldError[]) {
  return { error: fields ? { code, message, fields } : { code, message } };
}

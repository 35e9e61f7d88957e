import { OpenAPIHono } from '@hono/zod-openapi';
import { fieldErrorsFrom, validationFailed } from '../domain/errors';
import type { Clock } from '../domain/clock';
import type { Db } from '../db/client';

export interface AppEnv {
  Bindings: Env;
  /**
   * `clock`: the one source of now and today for this request; `db`: its D1 session, on a replica
   * or the primary as functions/http/bookmark.ts decides (both set in app.ts).
   */
  Variables: { clock: Clock; db: Db };
}

/**
 * Every router shares this hook, so a request that fails its schema answers 422 in the
 * project's error shape instead of Hono's plain-text 400.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw validationFailed(fieldErrorsFrom(result.error.issues));
      }
    },
  });
}

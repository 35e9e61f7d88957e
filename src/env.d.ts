declare namespace App {
  interface Locals {
    /** The one source of now and today (src/middleware.ts). */
    clock: import('../functions/domain/clock').Clock;
    /** This request's D1 session: a replica for anonymous reads, the primary for writes and staff (src/middleware.ts). */
    db: import('../functions/db/client').Db;
    /** On /admin pages: who passed the staff gate, and the CSRF token for their forms (src/middleware.ts). */
    staff?: import('../functions/auth/access').Staff;
    csrf?: string;
  }
}

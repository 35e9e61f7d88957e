declare namespace App {
  interface Locals {
    /** The one source of now and today (src/middleware.ts). */
    clock: import('../functions/domain/clock').Clock;
  }
}

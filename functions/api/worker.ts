// The API on its own, as a Worker: what the integration tests run inside workerd, and what
// src/worker.ts delegates /api/*, the cron triggers and the webhook queues to.
import { createApp } from './app';
import { runDailyJobs } from '../jobs/daily';
import { clockFor } from '../domain/clock';
import { dispatchSoon, type DeliveryMessage } from '../sync/dispatch';
import { DEAD_LETTER_QUEUE, deliverBatch, recordDeadLetters } from '../sync/deliver';

const app = createApp();

/** wrangler.toml [triggers]: the daily job at 02:00 Beijing time; every other minute, webhook dispatch. */
export const DAILY_CRON = '0 18 * * *';

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const clock = clockFor(env, () => controller.scheduledTime);
    if (controller.cron === DAILY_CRON) ctx.waitUntil(runDailyJobs(env, clock).then(() => dispatchSoon(env, clock)));
    else ctx.waitUntil(dispatchSoon(env, clock));
  },
  async queue(batch, env, _ctx) {
    const clock = clockFor(env);
    if (batch.queue === DEAD_LETTER_QUEUE) await recordDeadLetters(batch, env, clock);
    else await deliverBatch(batch, env, clock);
  },
} satisfies ExportedHandler<Env, DeliveryMessage>;

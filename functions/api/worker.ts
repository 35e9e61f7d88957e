// The API on its own, as a Worker: what the integration tests run inside workerd, and what
// src/worker.ts delegates /api/* and the cron trigger to.
import { createApp } from './app';
import { runDailyJobs } from '../jobs/daily';
import { clockFor } from '../domain/clock';

const app = createApp();

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      runDailyJobs(
        env,
        clockFor(env, () => controller.scheduledTime),
      ),
    );
  },
} satisfies ExportedHandler<Env>;

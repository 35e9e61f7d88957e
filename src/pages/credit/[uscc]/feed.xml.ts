import type { APIRoute } from 'astro';
import { env } from 'cloudflare:workers';
import { getDb } from '../../../../functions/db/client';
import { lookUpProfile } from '../../../../functions/disclosure/profile-lookup';
import { statusOf } from '../../../../functions/http/status';
import { recordKindLabels, recordStatusLabels } from '../../../../functions/domain/labels';
import { atomFeed } from '../../../lib/xml';

/** Atom feed of one employer's public records, for media and the employer itself to follow changes. */
export const GET: APIRoute = async ({ params, url, locals }) => {
  const result = await lookUpProfile(getDb(env.DB), params.uscc ?? '', locals.clock.today());
  if (!result.ok) {
    return new Response(result.message, { status: statusOf(result.kind), headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const { enterprise, records } = result.profile;
  const page = new URL(`/credit/${enterprise.uscc}`, url).href;
  // An entry changes date when its record is withdrawn or repaired, so readers see that too.
  const entries = records.map((r) => ({
    id: `${page}#record-${r.id}-${r.status}`,
    title: `${recordKindLabels[r.kind]}：${r.title}（${recordStatusLabels[r.status]}）`,
    updated: `${r.notice?.on ?? r.publishedAt ?? r.decidedAt}T00:00:00+08:00`,
    link: `${page}#record-${r.id}`,
    summary: [r.decisionNo, r.authority, r.notice?.reason].filter(Boolean).join('；'),
  }));
  const updated =
    entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? '2000-01-01T00:00:00+08:00';
  const body = atomFeed({
    id: page,
    title: `${enterprise.name} 信用记录`,
    link: page,
    self: url.href,
    updated,
    entries,
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, no-cache' } });
};

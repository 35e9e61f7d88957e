// What the person who complained sees when tracking (DOMAIN.md §10): status, deadlines, timeline,
// and for a named complainant — a party to the case — the outcome. Never who handled it.
import type { Db } from '../db/client';
import { complaintTimeline, hasComplainant, type ComplaintRow } from '../db/queries/complaints';

export async function complaintProgress(db: Db, c: ComplaintRow) {
  const [timeline, named] = await Promise.all([complaintTimeline(db, c.id), hasComplainant(db, c.id)]);
  return {
    type: 'complaint' as const,
    reference: c.reference,
    status: c.status,
    category: c.category,
    acceptBy: c.acceptBy,
    acceptByProvisional: c.acceptByProvisional,
    investigateBy: c.investigateBy,
    investigateByProvisional: c.investigateByProvisional,
    outcome: named ? c.outcome : null,
    timeline,
  };
}

// The complaint steps of the daily job: provisional deadlines counted again once a year's holidays
// are announced (DOMAIN.md §9), and complainants' identities deleted once the retention period after
// closing has passed (§8). Each change is one audited batch; a second run the same day changes nothing.
import { commitAudited, SYSTEM_ACTOR } from '../audit/append';
import type { Db } from '../db/client';
import {
  complaintEventStatement,
  complaintUnchanged,
  deleteComplainantStatement,
  listIdentitiesClosedBefore,
  listProvisionalOpenComplaints,
  updateComplaintStatement,
  type ComplaintRow,
} from '../db/queries/complaints';
import type { Clock } from '../domain/clock';
import { complaintAcceptBy, complaintInvestigateBy, identityDeletableBefore } from '../domain/complaint-rules';
import { formatChineseDate } from '../domain/dates';
import type { Deadline, WorkingDayCalendar } from '../domain/working-days';

const shown = (d: Deadline) => `${formatChineseDate(d.date)}${d.provisional ? '（预计）' : ''}`;

/** The running deadline counted again: its column names, the old and the new value. */
function recount(cal: WorkingDayCalendar, c: ComplaintRow) {
  if (c.status === 'received') {
    const old = { date: c.acceptBy, provisional: c.acceptByProvisional };
    const fresh = complaintAcceptBy(cal, c.receivedOn);
    return { what: '受理期限', old, fresh, set: { acceptBy: fresh.date, acceptByProvisional: fresh.provisional } };
  }
  const old = { date: c.investigateBy!, provisional: c.investigateByProvisional };
  const fresh = complaintInvestigateBy(cal, c.filedOn!, c.extensionReason !== null);
  return { what: '调查期限', old, fresh, set: { investigateBy: fresh.date, investigateByProvisional: fresh.provisional } };
}

export async function recomputeComplaintDeadlines(db: Db, clock: Clock, cal: WorkingDayCalendar): Promise<string[]> {
  const changed: string[] = [];
  for (const c of await listProvisionalOpenComplaints(db)) {
    const r = recount(cal, c);
    if (r.fresh.date === r.old.date && r.fresh.provisional === r.old.provisional) continue;
    await commitAudited(db, clock, SYSTEM_ACTOR, async (now) => {
      const at = now.toISOString();
      const note = `国务院办公厅已公布节假日安排，${r.what}按正式安排重新计算：${shown(r.old)} → ${shown(r.fresh)}。`;
      return {
        action: 'complaint.deadlines_recomputed',
        target: `complaint:${c.reference}`,
        before: r.old,
        after: r.set,
        guards: [complaintUnchanged(c)],
        statements: [
          updateComplaintStatement(db, c.id, { ...r.set, updatedAt: at }),
          complaintEventStatement(db, { complaintId: c.id, at, status: c.status, note, actor: SYSTEM_ACTOR }),
        ],
        result: undefined,
      };
    });
    changed.push(c.reference);
  }
  return changed;
}

/** Deletes the identities of cases closed more than the retention period ago; the cases stay. */
export async function deleteExpiredComplainants(db: Db, clock: Clock): Promise<string[]> {
  const before = identityDeletableBefore(clock.today());
  const deleted: string[] = [];
  for (const c of await listIdentitiesClosedBefore(db, before)) {
    await commitAudited(db, clock, SYSTEM_ACTOR, async () => ({
      action: 'complaint.identity_deleted',
      target: `complaint:${c.reference}`,
      before: { closedOn: c.closedOn },
      after: { identity: 'deleted', retainedUntil: before },
      guards: [complaintUnchanged(c)],
      statements: [deleteComplainantStatement(db, c.id)],
      result: undefined,
    }));
    deleted.push(c.reference);
  }
  return deleted;
}

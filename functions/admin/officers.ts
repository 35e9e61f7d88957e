// Staff change an officer's certificate status (suspension, early end, reinstatement): one audited
// batch, guarded on the officer being as read. The public sees the new standing at once on the
// officer's page; the draw takes only officers whose certificate is valid on the day it runs.
import { commitAudited } from '../audit/append';
import type { Staff } from '../auth/access';
import type { Db } from '../db/client';
import { officerStatusStatement, officerUnchanged, toPublicOfficer } from '../db/queries/officers';
import { requireOfficer } from '../disclosure/officer-lookup';
import type { Clock } from '../domain/clock';
import { todayInChina } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { statusChangeProblem } from '../domain/officers';
import type { OfficerStatusInput } from './officer-input';

export function changeOfficerStatus(db: Db, clock: Clock, staff: Staff, certificateNo: string, input: OfficerStatusInput) {
  return commitAudited(db, clock, staff.actor, async (now) => {
    const today = todayInChina(now);
    const officer = await requireOfficer(db, certificateNo);
    const problem = statusChangeProblem(officer, input.status, today);
    if (problem) throw new DomainError('conflict', 'officer_state', problem);
    const set = { status: input.status, statusSince: input.status === 'valid' ? null : today, updatedAt: now.toISOString() };
    return {
      action: 'officer.status',
      target: `officer:${officer.certificateNo}`,
      before: { status: officer.status, statusSince: officer.statusSince },
      after: { status: set.status, statusSince: set.statusSince, reason: input.reason },
      guards: [officerUnchanged(officer)],
      statements: [officerStatusStatement(db, officer.id, set)],
      result: toPublicOfficer({ ...officer, ...set }, today),
    };
  });
}

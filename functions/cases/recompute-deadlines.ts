// DOMAIN.md §9: "A deadline that depends on a provisional day is shown as 预计 and recomputed, with
// an audit entry, when the official year is added." Run by the daily job: each open case whose
// running deadline is provisional is counted again with the calendar as it is now; a change (a new
// date, or the same date now confirmed) is one audited batch with an entry on the case's timeline.
import { commitAudited, SYSTEM_ACTOR } from '../audit/append';
import type { Db } from '../db/client';
import {
  caseEventStatement,
  caseUnchanged,
  listProvisionalOpenCases,
  updateCaseStatement,
  type CaseRow,
  type CaseUpdate,
} from '../db/queries/admin-cases';
import { caseDeadlines } from '../domain/case-deadlines';
import { caseStage } from '../domain/case-sla';
import type { Clock } from '../domain/clock';
import { formatChineseDate, todayInChina } from '../domain/dates';
import { caseKinds, type CaseKind } from '../domain/vocabulary';
import type { WorkingDayCalendar } from '../domain/working-days';

const shown = (date: string, provisional: boolean) => `${formatChineseDate(date)}${provisional ? '（预计）' : ''}`;

function recomputed(cal: WorkingDayCalendar, kind: CaseKind, c: CaseRow) {
  const fresh = caseDeadlines(cal, kind, { submittedOn: todayInChina(new Date(c.createdAt)), acceptedOn: c.acceptedOn });
  const set: Omit<CaseUpdate, 'status' | 'updatedAt'> & { acceptBy?: string; acceptByProvisional?: boolean } = {};
  const notes: string[] = [];
  // Only the deadline that is still running moves; a passed stage keeps what it was.
  if (caseStage(c.status) === 'accept' && (fresh.acceptBy.date !== c.acceptBy || fresh.acceptBy.provisional !== c.acceptByProvisional)) {
    set.acceptBy = fresh.acceptBy.date;
    set.acceptByProvisional = fresh.acceptBy.provisional;
    notes.push(`受理期限 ${shown(c.acceptBy, c.acceptByProvisional)} → ${shown(fresh.acceptBy.date, fresh.acceptBy.provisional)}`);
  }
  if (fresh.decideBy.date !== c.decideBy || fresh.decideBy.provisional !== c.decideByProvisional) {
    set.decideBy = fresh.decideBy.date;
    set.decideByProvisional = fresh.decideBy.provisional;
    notes.push(`办结期限 ${shown(c.decideBy, c.decideByProvisional)} → ${shown(fresh.decideBy.date, fresh.decideBy.provisional)}`);
  }
  return notes.length ? { set, notes } : null;
}

export async function recomputeProvisionalDeadlines(db: Db, clock: Clock, cal: WorkingDayCalendar): Promise<string[]> {
  const changed: string[] = [];
  for (const kind of caseKinds) {
    for (const c of await listProvisionalOpenCases(db, kind)) {
      const change = recomputed(cal, kind, c);
      if (!change) continue;
      await commitAudited(db, clock, SYSTEM_ACTOR, async (now) => {
        const at = now.toISOString();
        const note = `国务院办公厅已公布节假日安排，办理期限按正式安排重新计算：${change.notes.join('；')}。`;
        return {
          action: `${kind}.deadlines_recomputed`,
          target: `${kind}:${c.reference}`,
          before: {
            acceptBy: c.acceptBy,
            acceptByProvisional: c.acceptByProvisional,
            decideBy: c.decideBy,
            decideByProvisional: c.decideByProvisional,
          },
          after: change.set,
          guards: [caseUnchanged(kind, c)],
          statements: [
            updateCaseStatement(db, kind, c.id, { status: c.status, ...change.set, updatedAt: at }),
            caseEventStatement(db, { reference: c.reference, at, status: c.status, note, actor: SYSTEM_ACTOR }),
          ],
          result: undefined,
        };
      });
      changed.push(c.reference);
    }
  }
  return changed;
}

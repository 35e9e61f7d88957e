// Whether an objection or a repair application can be started for a record as the public sees
// it — said before anyone fills in a form (DOMAIN.md §3, §4). The database still decides at
// submission (one open case per record, repair eligibility checked again).
import type { CaseKind, RecordStatus } from './vocabulary';

export interface CaseSubject {
  status: RecordStatus;
  flags: readonly string[];
  /** The repair view of the record: null where no repair applies (not negative, or not shown in full). */
  repair: { possible: boolean; from: string | null; message: string | null } | null;
}

export type CaseAvailability = { open: true } | { open: false; message: string; from: string | null };

const closed = (message: string, from: string | null = null): CaseAvailability => ({ open: false, message, from });

export function caseAvailability(kind: CaseKind, subject: CaseSubject): CaseAvailability {
  if (subject.status !== 'published') {
    return closed('该记录已不再公示（已撤销或已终止公示），无需提出申请。');
  }
  if (kind === 'objection') {
    return subject.flags.includes('objection_pending')
      ? closed('该记录已有一件正在办理的异议申诉，办结前不再受理新的异议；提交过申请的，请用原办件编号和查询码查询进度。')
      : { open: true };
  }
  if (subject.flags.includes('repair_pending')) {
    return closed('该记录已有一件正在办理的信用修复申请，办结前不再受理新的申请；提交过申请的，请用原办件编号和查询码查询进度。');
  }
  if (!subject.repair) return closed('该记录不属于失信（负面）信息，无需信用修复。');
  if (!subject.repair.possible) return closed(subject.repair.message ?? '该记录目前不能申请信用修复。', subject.repair.from);
  return { open: true };
}

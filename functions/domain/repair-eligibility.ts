// When a record may be repaired (信用修复, DOMAIN.md §3, with §2 and §6).
import { publicView, repairPossibleFrom } from './publication';
import type { RecordKind, RecordStatus, Severity } from './vocabulary';
import { earliestRemovalOn } from './wage-arrears-list';

export interface RepairCandidate {
  kind: RecordKind;
  severity: Severity;
  status: RecordStatus;
  decidedOn: string;
  publishUntil: string | null;
  detail?: Record<string, unknown> | null;
}

export type RepairEligibility =
  | { eligible: true }
  | { eligible: false; reason: 'not_negative' | 'not_published' | 'never_early' | 'too_early'; message: string; from?: string };

/**
 * "Records that are serious and arise from 停产停业/吊销 or similar cannot stop early." The record
 * says so in `detail.cannotStopEarly` (set by whoever publishes it), because only the decision
 * itself tells whether such a sanction was imposed.
 */
function cannotStopEarly(c: RepairCandidate): boolean {
  return c.severity === 'serious' && c.detail?.cannotStopEarly === true;
}

/** The first date repair may be asked. §6: a wage-arrears listing may end early 6 months after listing. */
export function repairOpensOn(c: RepairCandidate): string | null {
  if (c.kind === 'wage_arrears_list') return earliestRemovalOn(c.decidedOn);
  return repairPossibleFrom(c.decidedOn, c.severity);
}

export function repairEligibility(c: RepairCandidate, today: string): RepairEligibility {
  if (c.severity === 'none') {
    return { eligible: false, reason: 'not_negative', message: '该记录不属于失信（负面）信息，无需修复。' };
  }
  if (publicView(c, today) !== 'full') {
    return { eligible: false, reason: 'not_published', message: '该记录目前未在公示，无需修复。' };
  }
  if (cannotStopEarly(c)) {
    return {
      eligible: false,
      reason: 'never_early',
      message: '该记录属于因停产停业、吊销许可证照等作出的严重失信信息，不能提前终止公示，将于公示期满后自动停止公示。',
    };
  }
  const from = repairOpensOn(c)!;
  if (today < from) {
    return { eligible: false, reason: 'too_early', message: '最短公示期尚未届满，届满后且已履行法定义务的，可申请信用修复。', from };
  }
  return { eligible: true };
}

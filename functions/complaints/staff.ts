// Staff handling of complaints and reports (DOMAIN.md §10): the queue with its working-day
// deadlines, one case, the audited view of the complainant's identity, and the decisions. Every
// write and every view of an identity goes through commitAudited.
import type { Staff } from '../auth/access';
import { commitAudited, type AuditedChange } from '../audit/append';
import type { Db } from '../db/client';
import { findRecordForCase } from '../db/queries/cases';
import {
  complainantOf,
  complaintAttachments,
  complaintEventStatement,
  complaintReference,
  complaintStaffTimeline,
  complaintUnchanged,
  findComplaintByReference,
  hasComplainant,
  listComplaintQueue,
  updateComplaintStatement,
  type ComplaintRow,
  type ComplaintUpdate,
} from '../db/queries/complaints';
import { defaultCalendar } from '../domain/calendar-data';
import type { Clock } from '../domain/clock';
import { complaintInvestigateBy, complaintSla } from '../domain/complaint-rules';
import { todayInChina } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { complaintStatusLabels } from '../domain/labels';
import { parseReference } from '../domain/reference';
import { openComplaintStatuses, type ComplaintStatus } from '../domain/vocabulary';
import type { ComplaintDecision, ComplaintQueueQuery } from './staff-input';

const notFound = () => new DomainError('not_found', 'not_found', '没有找到该举报投诉。');

async function requireComplaint(db: Db, reference: string): Promise<ComplaintRow> {
  const parsed = parseReference(reference);
  const found =
    parsed.ok && (parsed.kind === 'complaint' || parsed.kind === 'report') ? await findComplaintByReference(db, parsed.reference) : null;
  if (!found) throw notFound();
  return found;
}

export async function loadComplaintQueue(db: Db, query: ComplaintQueueQuery, today: string) {
  const statuses: ComplaintStatus[] | null =
    query.status === 'all' ? null : query.status === 'open' ? [...openComplaintStatuses] : [query.status];
  const { items, total } = await listComplaintQueue(db, { statuses, kind: query.kind ?? null, page: query.page, pageSize: query.pageSize });
  return {
    items: items.map(({ id: _id, ...c }) => ({ ...c, sla: complaintSla(c, today, defaultCalendar) })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The case as staff see it: everything but the complainant's identity, which has its own audited view. */
export async function loadStaffComplaint(db: Db, reference: string, today: string) {
  const c = await requireComplaint(db, reference);
  const [timeline, files, named, joinedTo] = await Promise.all([
    complaintStaffTimeline(db, c.id),
    complaintAttachments(db, c.reference),
    hasComplainant(db, c.id),
    c.joinedToId ? complaintReference(db, c.joinedToId) : null,
  ]);
  return {
    reference: c.reference,
    kind: c.kind,
    category: c.category,
    status: c.status,
    employer: { uscc: c.employerUscc, name: c.employerName, address: c.employerAddress, districtCode: c.districtCode },
    violationPeriod: { from: c.violationFrom, to: c.violationTo },
    facts: c.facts,
    request: c.request,
    receivedOn: c.receivedOn,
    acceptBy: c.acceptBy,
    acceptByProvisional: c.acceptByProvisional,
    filedOn: c.filedOn,
    investigateBy: c.investigateBy,
    investigateByProvisional: c.investigateByProvisional,
    extensionReason: c.extensionReason,
    transferredTo: c.transferredTo,
    outcome: c.outcome,
    closedOn: c.closedOn,
    penaltyRecordId: c.penaltyRecordId,
    joinedTo,
    handler: c.handler,
    named,
    sla: complaintSla(c, today, defaultCalendar),
    attachments: files.map((a) => ({ ...a, href: `/api/v1/admin/attachments/${a.id}` })),
    timeline,
  };
}
export type StaffComplaintView = Awaited<ReturnType<typeof loadStaffComplaint>>;

/** Whether this staff member may see the identity: the case's handler, or anyone of the role before there is one. */
export const mayHandle = (c: Pick<ComplaintRow, 'handler'>, staff: Staff) =>
  staff.roles.includes('complaints') && (c.handler === null || c.handler === staff.actor);

const notHandler = (c: ComplaintRow) =>
  new DomainError(
    'forbidden',
    'not_case_handler',
    `该件由 ${c.handler} 承办；投诉人身份只有承办人可以查看（《劳动保障监察条例》第九条）。`,
  );

/**
 * The complainant's identity, for the handler only, and every view is in the audit log (the entry
 * says who looked, not what they saw). The first to look becomes the handler.
 */
export async function viewComplainant(db: Db, clock: Clock, staff: Staff, reference: string) {
  const c = await requireComplaint(db, reference);
  if (!mayHandle(c, staff)) throw notHandler(c);
  const person = await complainantOf(db, c.id);
  if (!person) throw new DomainError('not_found', 'anonymous', '这是一件匿名举报，没有留下身份信息。');
  await commitAudited(db, clock, staff.actor, async (now) => ({
    action: 'complaint.identity_viewed',
    target: `complaint:${c.reference}`,
    before: null,
    after: { handler: c.handler ?? staff.actor },
    guards: [complaintUnchanged(c)],
    statements: c.handler ? [] : [updateComplaintStatement(db, c.id, { handler: staff.actor, updatedAt: now.toISOString() })],
    result: undefined,
  }));
  return { reference: c.reference, complainant: person };
}

const stateConflict = (c: ComplaintRow) =>
  new DomainError('conflict', 'case_state', `该件当前状态为“${complaintStatusLabels[c.status]}”，不能作此决定；请刷新页面查看最新情况。`);

interface Step {
  status: ComplaintStatus;
  set: Omit<ComplaintUpdate, 'updatedAt'>;
  /** What the complainant reads on the timeline. */
  note: string;
}

async function planStep(db: Db, c: ComplaintRow, decision: ComplaintDecision, today: string): Promise<Step> {
  const needs = (...statuses: ComplaintStatus[]) => {
    if (!statuses.includes(c.status)) throw stateConflict(c);
  };
  switch (decision.decision) {
    case 'accept': {
      needs('received');
      const due = complaintInvestigateBy(defaultCalendar, today, false);
      return {
        status: 'accepted',
        set: { status: 'accepted', filedOn: today, investigateBy: due.date, investigateByProvisional: due.provisional },
        note: '已受理立案，进入调查',
      };
    }
    case 'reject':
      needs('received');
      return { status: 'not_accepted', set: { status: 'not_accepted', outcome: decision.reason, closedOn: today }, note: '不予受理' };
    case 'transfer':
      needs('received', 'accepted');
      return {
        status: 'transferred',
        set: { status: 'transferred', transferredTo: decision.authority, outcome: decision.reason, closedOn: today },
        note: `已转${decision.authority}办理`,
      };
    case 'extend': {
      needs('accepted');
      if (c.extensionReason) throw new DomainError('conflict', 'already_extended', '调查期限已经延长过一次（30 个工作日），不能再延长。');
      const due = complaintInvestigateBy(defaultCalendar, c.filedOn!, true);
      return {
        status: 'accepted',
        set: { extensionReason: decision.reason, investigateBy: due.date, investigateByProvisional: due.provisional },
        note: '情况复杂，经批准延长调查期限 30 个工作日',
      };
    }
    case 'close':
      needs('accepted');
      if (decision.penaltyRecordId) await checkPenalty(db, c, decision.penaltyRecordId);
      return {
        status: 'closed',
        set: { status: 'closed', outcome: decision.outcome, closedOn: today, penaltyRecordId: decision.penaltyRecordId ?? null },
        note: '调查完毕，已办结',
      };
    case 'link_penalty':
      needs('accepted', 'closed');
      await checkPenalty(db, c, decision.penaltyRecordId);
      return { status: c.status, set: { penaltyRecordId: decision.penaltyRecordId }, note: '已依法作出行政处罚' };
  }
}

/** The record a complaint led to: a penalty about the same employer. */
async function checkPenalty(db: Db, c: ComplaintRow, recordId: number) {
  const record = await findRecordForCase(db, recordId);
  if (record?.kind !== 'penalty' || (c.employerUscc !== null && record.uscc !== c.employerUscc)) {
    throw new DomainError('invalid', 'validation_failed', '没有这条处罚记录，或它不是被反映单位的行政处罚。', {
      fields: [{ path: 'penaltyRecordId', message: '请填写被反映单位的行政处罚记录编号' }],
    });
  }
}

export async function decideComplaint(db: Db, clock: Clock, staff: Staff, reference: string, decision: ComplaintDecision) {
  return commitAudited(db, clock, staff.actor, async (now): Promise<AuditedChange<{ reference: string; status: ComplaintStatus }>> => {
    const c = await requireComplaint(db, reference);
    if (c.handler !== null && c.handler !== staff.actor) throw notHandler(c);
    const step = await planStep(db, c, decision, todayInChina(now));
    const at = now.toISOString();
    const before = Object.fromEntries(Object.keys(step.set).map((k) => [k, c[k as keyof ComplaintRow] ?? null]));
    return {
      action: `complaint.${decision.decision}`,
      target: `complaint:${c.reference}`,
      before,
      after: { ...step.set, note: step.note },
      guards: [complaintUnchanged(c)],
      statements: [
        updateComplaintStatement(db, c.id, { ...step.set, handler: c.handler ?? staff.actor, updatedAt: at }),
        complaintEventStatement(db, { complaintId: c.id, at, status: step.status, note: step.note, actor: staff.actor }),
      ],
      result: { reference: c.reference, status: step.status },
    };
  });
}

/**
 * Who may download an attachment: a complaint's evidence may name the complainant, so only its
 * handler (as for the identity); an objection's or repair's, the reviewers.
 */
export async function assertMayOpenAttachment(db: Db, staff: Staff, reference: string) {
  const parsed = parseReference(reference);
  if (parsed.ok && (parsed.kind === 'complaint' || parsed.kind === 'report')) {
    const c = await requireComplaint(db, parsed.reference);
    if (!mayHandle(c, staff)) throw notHandler(c);
  } else if (!staff.roles.some((r) => r === 'reviewer' || r === 'admin')) {
    throw new DomainError('forbidden', 'forbidden', '下载异议申诉和信用修复附件需要审核员或系统管理员角色。');
  }
}

// The demo's 举报投诉 (DOMAIN.md §10): 150 complaints and reports over the three months before
// the "as of" date, most about unpaid wages in a few districts so that the public statistics show
// real counts next to cells suppressed as "<5". Deadlines come from the site's own rules
// (functions/domain/complaint-rules.ts). Identities go only into complaint_complainants.
import type { complaintComplainants, complaintEvents, complaints } from '../../functions/db/schema.ts';
import { complaintAcceptBy, complaintInvestigateBy, employerKey } from '../../functions/domain/complaint-rules.ts';
import { REFERENCE_ALPHABET } from '../../functions/domain/reference.ts';
import type { ComplaintCategory } from '../../functions/domain/vocabulary.ts';
import { addWorkingDays, type WorkingDayCalendar } from '../../functions/domain/working-days.ts';
import { beijingInstant, shiftDays, yearOf } from './days.ts';
import { applicant } from './people.ts';
import { createRng } from './prng.ts';
import { DEMO_ACCESS_CODE } from './cases.ts';

export type ComplaintRow = typeof complaints.$inferInsert;
export type ComplainantRow = typeof complaintComplainants.$inferInsert;
export type ComplaintEventRow = typeof complaintEvents.$inferInsert;

/** hashAccessCode(DEMO_ACCESS_CODE), as in cases.ts: the demo complaints are tracked with the same code. */
const DEMO_ACCESS_CODE_HASH =
  'pbkdf2-sha256$100000$bccc50c4eb3b9a21dbd64dc2df88e6cd$efd482499c5a0858b3b642da8bc0838fb7886fee59f0c84c11c7ca1ec25bfb03';
export { DEMO_ACCESS_CODE };

const STREAM_COMPLAINTS = 501;
const COUNT = 150;
const DAYS_BACK = 90;
const HANDLER = 'wang.lei@rsj.example.gov.cn';

export interface ComplaintEmployer {
  uscc: string;
  name: string;
  address: string;
  districtCode: string;
}

const CATEGORIES: readonly (readonly [ComplaintCategory, number])[] = [
  ['unpaid_wages', 60],
  ['no_written_contract', 12],
  ['no_social_insurance', 14],
  ['excessive_overtime', 10],
  ['illegal_dispatch', 4],
  ['child_labour', 1],
  ['other', 4],
];

const FACTS: Record<ComplaintCategory, string> = {
  unpaid_wages: '项目完工已两个月，班组 12 名工人的工资共计 9 万余元至今未发放，多次找项目负责人均被推脱。',
  no_written_contract: '入职已满五个月，单位一直未与我签订书面劳动合同，也不出具任何入职证明。',
  excessive_overtime: '车间长期实行两班倒，每天工作 12 小时，每月仅休息两天，加班费按最低标准折算。',
  no_social_insurance: '单位以试用期为由，入职半年未为员工缴纳社会保险，工资条上却有扣款。',
  child_labour: '该店后厨有两名看上去不满十六周岁的少年长期帮工，晚上十点以后仍在工作。',
  illegal_dispatch: '单位主营业务岗位大量使用劳务派遣人员，派遣用工比例明显超过规定。',
  other: '单位要求员工交纳 2000 元“服装押金”，离职时拒不退还。',
};

/** Unknown small employers people report by name and place only. */
const UNNAMED: readonly { name: string; address: string }[] = [
  { name: '某快餐店（朝阳路店）', address: '北京市朝阳区朝阳路某号' },
  { name: '某装修队', address: '北京市通州区某小区 3 号楼' },
  { name: '某洗车行', address: '北京市丰台区某路 18 号' },
];

export interface ComplaintRows {
  complaints: ComplaintRow[];
  complainants: ComplainantRow[];
  events: ComplaintEventRow[];
  /** A named 投诉 whose outcome its complainant can read through /track with the demo access code. */
  demoReference: string;
}

export function complaintRows(
  seed: number,
  today: string,
  calendar: WorkingDayCalendar,
  employers: readonly ComplaintEmployer[],
): ComplaintRows {
  const rng = createRng(seed, STREAM_COMPLAINTS);
  const rows: ComplaintRows = { complaints: [], complainants: [], events: [], demoReference: '' };
  // A few districts carry most complaints, as in any city, so that some cells reach 5.
  const perDistrict = new Map<string, number>();
  for (const e of employers) perDistrict.set(e.districtCode, (perDistrict.get(e.districtCode) ?? 0) + 1);
  const busiest = [...perDistrict.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 2)
    .map(([code]) => code);
  const busy = employers.filter((e) => busiest.includes(e.districtCode));
  const after = (date: string, n: number) => addWorkingDays(calendar, date, n);
  for (let id = 1; id <= COUNT; id++) {
    const receivedOn = shiftDays(today, -rng.between(1, DAYS_BACK));
    const category = rng.weighted(CATEGORIES);
    const known = rng.chance(0.92);
    const employer = known ? (rng.chance(0.8) && busy.length ? rng.pick(busy) : rng.pick(employers)) : null;
    const unnamed = rng.pick(UNNAMED);
    const kind = rng.chance(0.7) ? 'complaint' : 'report';
    const named = kind === 'complaint' || rng.chance(0.4);
    const acceptBy = complaintAcceptBy(calendar, receivedOn);
    const reference = `${kind === 'complaint' ? 'TS' : 'JB'}-${yearOf(receivedOn)}-${Array.from({ length: 6 }, () => rng.pick(Array.from(REFERENCE_ALPHABET))).join('')}`;
    const at = (date: string, k: number) => beijingInstant(date, 9 + k, 5 + ((id * 7) % 50));
    const events: ComplaintEventRow[] = [{ complaintId: id, at: at(receivedOn, 0), status: 'received', note: '已收到', actor: null }];
    const row: ComplaintRow = {
      id,
      reference,
      accessCodeHash: DEMO_ACCESS_CODE_HASH,
      kind,
      category,
      employerUscc: employer?.uscc ?? null,
      employerName: employer?.name ?? unnamed.name,
      employerAddress: employer?.address ?? unnamed.address,
      districtCode: employer?.districtCode ?? null,
      employerKey: employerKey({ uscc: employer?.uscc, name: employer?.name ?? unnamed.name }),
      violationFrom: shiftDays(receivedOn, -rng.between(30, 300)),
      violationTo: rng.chance(0.6) ? shiftDays(receivedOn, -rng.between(1, 25)) : null,
      facts: FACTS[category],
      request: kind === 'complaint' ? '请求责令单位依法改正，补发（补缴）所欠款项。' : null,
      status: 'received',
      receivedOn,
      acceptBy: acceptBy.date,
      acceptByProvisional: acceptBy.provisional,
      createdAt: at(receivedOn, 0),
    };
    const decidedOn = after(receivedOn, rng.between(1, 5)).date;
    if (decidedOn <= today) {
      const decision = rng.weighted([
        ['accept', 80],
        ['refuse', 10],
        ['transfer', 10],
      ] as const);
      if (decision === 'refuse') {
        Object.assign(row, {
          status: 'not_accepted',
          outcome: '所反映事项属于劳动争议，请向劳动人事争议仲裁委员会申请仲裁。',
          closedOn: decidedOn,
        });
        events.push({ complaintId: id, at: at(decidedOn, 1), status: 'not_accepted', note: '不予受理', actor: HANDLER });
      } else if (decision === 'transfer') {
        Object.assign(row, {
          status: 'transferred',
          transferredTo: '市市场监督管理局',
          outcome: '所反映事项不属本局职责，已转市市场监督管理局办理。',
          closedOn: decidedOn,
        });
        events.push({ complaintId: id, at: at(decidedOn, 1), status: 'transferred', note: '已转市市场监督管理局办理', actor: HANDLER });
      } else {
        const investigateBy = complaintInvestigateBy(calendar, decidedOn, false);
        Object.assign(row, {
          status: 'accepted',
          filedOn: decidedOn,
          investigateBy: investigateBy.date,
          investigateByProvisional: investigateBy.provisional,
        });
        events.push({ complaintId: id, at: at(decidedOn, 1), status: 'accepted', note: '已受理立案', actor: HANDLER });
        const closedOn = after(decidedOn, rng.between(8, 55)).date;
        if (closedOn <= today) {
          Object.assign(row, { status: 'closed', closedOn, outcome: '经调查情况属实，已责令用人单位限期改正；单位已按期改正。' });
          events.push({ complaintId: id, at: at(closedOn, 2), status: 'closed', note: '调查完毕，已办结', actor: HANDLER });
        }
      }
    }
    if (named) {
      const person = applicant(rng);
      rows.complainants.push({
        complaintId: id,
        name: person.name,
        phone: person.phone,
        email: rng.chance(0.5) ? person.email : null,
        contactHash: `seed-${id}`,
      });
      if (!rows.demoReference && kind === 'complaint' && row.status === 'closed') rows.demoReference = reference;
    }
    row.updatedAt = events.at(-1)!.at;
    rows.complaints.push(row);
    for (const e of events) rows.events.push({ ...e, id: rows.events.length + 1 });
  }
  return rows;
}

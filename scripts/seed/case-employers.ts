// The employers that the demo 典型案例 (content/cases) name, with the decisions those cases tell
// of, so that every case's "查看该单位的信用信息" leads to a real profile. They follow the
// scripted showcases (ids 22–30); a test checks that every code a case names is seeded.
import type { IdentityOverride } from './enterprise-identity.ts';
import { shiftDays } from './days.ts';
import { listingRecord, penaltyRecord, type PenaltyDraft, type RecordDraft } from './records.ts';
import type { Showcase, ShowcaseContext } from './showcase.ts';

interface CaseEmployer {
  name: string;
  uscc: string;
  industry: string;
  /** The case's publication date; the decision it reports was taken about two weeks before. */
  caseDate: string;
  /** The decision, as the case describes it; none where the case ended in an order to correct. */
  penalty: PenaltyDraft | null;
  /** Listed on the 拖欠农民工工资失信联合惩戒对象名单 after the penalty. */
  listed?: boolean;
}

const fine = (yuan: number) => ({ penaltyTypes: ['罚款'], fineFen: yuan * 100 });

const CASE_EMPLOYERS: readonly CaseEmployer[] = [
  { name: '北京演示速达同城配送有限公司', uscc: '91110114DEMA00091M', industry: '道路运输业', caseDate: '2025-04-16', penalty: null },
  {
    name: '北京演示鼎盛商贸有限公司',
    uscc: '91110102DEMA000818',
    industry: '批发业',
    caseDate: '2025-11-06',
    penalty: {
      violationType: '妨碍劳动保障监察',
      severity: 'general',
      title: '无理抗拒、阻挠劳动保障监察',
      facts: '经查，该单位在劳动保障监察调查中拒不报送工资支付记录，并隐匿考勤材料。',
      legalBasis: '《劳动保障监察条例》第三十条第一款第（一）项、第（二）项',
      penaltyContent: '责令改正，并处罚款10000元',
      ...fine(10_000),
      detail: { obstructedInspection: true },
    },
  },
  {
    name: '北京演示康泰健康咨询有限公司',
    uscc: '91110116DEMA00071G',
    industry: '商务服务业',
    caseDate: '2025-12-17',
    penalty: {
      violationType: '未缴社会保险',
      severity: 'serious',
      title: '以虚构劳动关系等手段骗取社会保险待遇',
      facts: '经查，该单位为4名非本单位人员虚构劳动关系参加社会保险，骗取生育津贴等社会保险待遇共计96000元。',
      legalBasis: '《中华人民共和国社会保险法》第八十八条',
      penaltyContent: '责令退回骗取的社会保险金96000元，并处骗取金额2倍的罚款192000元',
      ...fine(192_000),
      detail: {},
    },
  },
  {
    name: '北京演示聚才人力资源有限公司',
    uscc: '91110107DEMA00061E',
    industry: '商务服务业',
    caseDate: '2026-02-10',
    penalty: {
      violationType: '其他',
      severity: 'serious',
      title: '未经许可经营劳务派遣业务',
      facts: '经查，该单位未取得劳务派遣经营许可，向3家用工单位派遣劳动者67人，违法所得85000元。',
      legalBasis: '《中华人民共和国劳动合同法》第九十二条第一款',
      penaltyContent: '责令停止违法行为，没收违法所得85000元，并处违法所得2倍的罚款170000元',
      penaltyTypes: ['没收违法所得', '罚款'],
      fineFen: 170_000 * 100,
      detail: {},
    },
  },
  {
    name: '北京演示雪原文化旅游有限公司',
    uscc: '91110119DEMA00051R',
    industry: '文化艺术业',
    caseDate: '2026-03-26',
    listed: true,
    penalty: {
      violationType: '拖欠工资',
      severity: 'serious',
      title: '克扣或者无故拖欠劳动者工资',
      facts: '经查，该单位在雪季结束后拖欠26名季节性员工工资共计312000元，并转移财产，经责令限期支付后逾期仍未支付。',
      legalBasis: '《劳动保障监察条例》第二十六条',
      penaltyContent: '责令支付拖欠的劳动者工资312000元；涉嫌拒不支付劳动报酬罪，移送公安机关',
      penaltyTypes: ['责令支付'],
      fineFen: null,
      detail: { workerCount: 26, unpaidWagesFen: 312_000 * 100, criminalLiability: true },
    },
  },
  {
    name: '北京演示广厦建设工程有限公司',
    uscc: '91110111DEMA000415',
    industry: '房屋建筑业',
    caseDate: '2026-05-21',
    penalty: {
      violationType: '拖欠工资',
      severity: 'serious',
      title: '未按规定开设或者使用农民工工资专用账户',
      facts: '经查，该单位作为施工总承包单位，未按规定开设并使用农民工工资专用账户，经责令限期改正后逾期不改正。',
      legalBasis: '《保障农民工工资支付条例》第五十五条',
      penaltyContent: '责令项目停工整改，并处罚款60000元',
      ...fine(60_000),
      detail: {},
    },
  },
  {
    name: '北京演示味香餐饮管理有限公司',
    uscc: '91110112DEMA00031J',
    industry: '住宿业',
    caseDate: '2026-07-09',
    penalty: {
      violationType: '未缴社会保险',
      severity: 'serious',
      title: '瞒报工资总额',
      facts: '经查，该单位申报社会保险缴费基数时以最低基数申报，瞒报工资总额124000元。',
      legalBasis: '《社会保险费征缴暂行条例》第二十三条',
      penaltyContent: '责令改正，并处瞒报工资数额1倍的罚款124000元',
      ...fine(124_000),
      detail: {},
    },
  },
  {
    name: '北京演示安达物流有限公司',
    uscc: '91110106DEMA00021U',
    industry: '道路运输业',
    caseDate: '2026-09-15',
    penalty: {
      violationType: '违法延长工时',
      severity: 'general',
      title: '违反规定延长劳动者工作时间',
      facts: '经查，该单位在电商促销期间安排60名分拣员每月延长工作时间超过80小时。',
      legalBasis: '《劳动保障监察条例》第二十五条',
      penaltyContent: '警告，责令限期改正，按受侵害劳动者每人300元的标准处罚款18000元，并支付延长工作时间工资报酬216000元',
      penaltyTypes: ['警告', '罚款'],
      fineFen: 18_000 * 100,
      detail: { workerCount: 60 },
    },
  },
  {
    name: '北京演示恒远建筑劳务有限公司',
    uscc: '91110105DEMA00011C',
    industry: '土木工程建筑业',
    caseDate: '2026-10-28',
    listed: true,
    penalty: {
      violationType: '拖欠工资',
      severity: 'serious',
      title: '克扣或者无故拖欠劳动者工资',
      facts: '经查，该单位作为劳务分包单位拖欠42名农民工工资共计864000元，经责令限期支付后逾期仍未支付。',
      legalBasis: '《劳动保障监察条例》第二十六条；《保障农民工工资支付条例》第五十七条',
      penaltyContent: '责令支付拖欠的劳动者工资864000元；涉嫌拒不支付劳动报酬罪，移送公安机关',
      penaltyTypes: ['责令支付'],
      fineFen: null,
      detail: { workerCount: 42, unpaidWagesFen: 864_000 * 100, criminalLiability: true },
    },
  },
];

/** The decisions a case reports, as far as they had been taken by the "as of" date. */
function caseRecords(c: ShowcaseContext, employer: CaseEmployer): RecordDraft[] {
  const decidedOn = shiftDays(employer.caseDate, -14);
  if (!employer.penalty || decidedOn > c.record.today) return [];
  const penalty = penaltyRecord(c.record, employer.penalty, decidedOn);
  const listedOn = shiftDays(employer.caseDate, -3);
  if (!employer.listed || listedOn > c.record.today) return [penalty];
  return [penalty, listingRecord(c.record, penalty, listedOn, 'criminalLiability')];
}

export function caseEmployerShowcases(firstId: number): Showcase[] {
  return CASE_EMPLOYERS.map((employer, k) => {
    const identity: IdentityOverride = {
      cls: 'A',
      named: { name: employer.name, uscc: employer.uscc, districtCode: employer.uscc.slice(2, 8), industry: employer.industry },
    };
    return {
      id: firstId + k,
      scenario: `典型案例所述单位：${employer.name}`,
      identity,
      sampling: [],
      records: (c) => caseRecords(c, employer),
    };
  });
}

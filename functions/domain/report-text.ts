// A 专用信用报告 as plain text, in the order and with the words of the report page, for the
// command-line verifier (scripts/verify-report.ts) to print what the signature covers.
import type { CreditReport, ReportRecord } from './credit-report';
import { formatChineseDate, formatChineseDateTime, formatYuan } from './dates';
import { gradeLabels } from './grade';
import { enterpriseStatusLabels, recordKindLabels, severityLabels } from './labels';

const text = (r: ReportRecord, key: string) => (typeof r.detail[key] === 'string' ? (r.detail[key] as string) : null);

function recordLines(r: ReportRecord, n: number): string[] {
  const facts: [string, string | null][] = [
    ['决定书文号', r.decisionNo],
    ['决定机关', r.authority],
    ['决定日期', formatChineseDate(r.decidedAt)],
    ['公示截止期', r.publishUntil && formatChineseDate(r.publishUntil)],
    ['违法行为类型', text(r, 'violationType')],
    ['主要违法事实', text(r, 'facts')],
    ['依据', text(r, 'legalBasis')],
    ['处罚内容', text(r, 'penaltyContent')],
    ['罚款金额', typeof r.detail.fineFen === 'number' ? formatYuan(r.detail.fineFen) : null],
    ['更正说明', text(r, 'correctionNote')],
  ];
  return [
    `  ${n}. ${recordKindLabels[r.kind]}：${r.title}（${severityLabels[r.severity]}）`,
    ...facts.filter(([, v]) => v).map(([k, v]) => `     ${k}：${v}`),
  ];
}

export function reportText(report: CreditReport): string[] {
  const e = report.enterprise;
  return [
    `${report.issuer}  专用信用报告（劳动保障领域）`,
    `依据${report.basis}，代替有无违法违规记录证明`,
    `报告编号：${report.reportNo}`,
    `开具时间：${formatChineseDateTime(new Date(report.issuedAt))}（北京时间）`,
    `报告期：${formatChineseDate(report.period.from)}至${formatChineseDate(report.period.to)}`,
    '',
    '一、主体信息',
    `  单位名称：${e.name}`,
    `  统一社会信用代码：${e.uscc}`,
    `  法定代表人：${e.legalRepresentative}`,
    `  所属区：${e.district}  行业：${e.industry}`,
    `  住所：${e.address}`,
    `  登记状态：${enterpriseStatusLabels[e.status] ?? e.status}`,
    '',
    '二、劳动保障守法诚信等级',
    ...(report.grades.length
      ? report.grades.map((g) => `  ${g.year} 年度：${gradeLabels[g.grade]}${g.reason ? `  ${g.reason}` : ''}`)
      : ['  报告期内无劳动保障守法诚信等级评价结果。']),
    '',
    '三、行政处罚等失信记录',
    ...(report.statement ? [`  ${report.statement}。`] : report.negativeRecords.flatMap((r, i) => recordLines(r, i + 1))),
    '',
    '四、“双随机、一公开”抽查结果',
    ...(report.samplingResults.length
      ? report.samplingResults.map(
          (r) =>
            `  ${formatChineseDate(r.decidedAt)}  ${String(r.detail.taskId ?? '')}  ${String(r.detail.result ?? r.title)}  ${r.authority}`,
        )
      : ['  报告期内未被抽查。']),
  ];
}

// Importing inspection results and penalty decisions from a spreadsheet saved as CSV: reading the
// file (RFC 4180, with csv-parse) and checking every row against the rules of DOMAIN.md before
// anything is written. Checks that need the database (is the employer registered, was this
// decision imported before) are done by functions/admin/import.ts on top of these.
import { CsvError, type CsvErrorCode, type Options, parse } from 'csv-parse/sync';
import { inspectionMethods, samplingResultCategories, type ImportKind, type RecordKind, type Severity } from './vocabulary';
import { isIsoDate, parseDateInput } from './dates';
import { violationTypes } from './labels';
import { publicationEnd } from './publication';
import { parseUscc, usccMessages } from './uscc';
import { addWorkingDays, type WorkingDayCalendar } from './working-days';

export const importKindLabels: Record<ImportKind, string> = {
  penalties: '行政处罚决定',
  sampling_results: '双随机抽查结果',
};

/**
 * One file is committed in one D1 batch (one transaction), so its size is bounded by what one
 * transaction may carry: rows travel as JSON in chunks well under D1's 2 MB value limit, and
 * 5,000 rows keep the whole commit to a few dozen statements and seconds. Larger exports are split.
 */
export const MAX_IMPORT_ROWS = 5000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Record rules shared by the importer and records entered by hand, so both obey one rule.

/** DOMAIN.md §8: "行政处罚决定 within 7 working days of the decision." */
export const PUBLISH_PENALTY_WITHIN_WORKING_DAYS = 7;

/** The date by which a penalty decision must be public; the day of the decision does not count. */
export function penaltyPublicationDue(cal: WorkingDayCalendar, decidedOn: string): string {
  return addWorkingDays(cal, decidedOn, PUBLISH_PENALTY_WITHIN_WORKING_DAYS).date;
}

export interface RecordFacts {
  kind: RecordKind;
  severity: Severity;
  decidedOn: string;
  penaltyTypes: readonly string[];
}

/** What a published 行政处罚决定 states (DOMAIN.md §8), by field, with its name in the rules. */
export const PENALTY_STATEMENTS = {
  decisionNo: '决定书文号',
  violationType: '违法行为类型',
  facts: '主要违法事实',
  legalBasis: '处罚依据',
  penaltyContent: '处罚内容',
} as const;

export interface PenaltyStatements {
  decisionNo?: string | null;
  violationType?: string | null;
  facts?: string | null;
  legalBasis?: string | null;
  penaltyContent?: string | null;
  penaltyTypes?: readonly string[] | null;
  fineFen?: number | null;
}

export interface FieldProblem {
  field: keyof PenaltyStatements;
  message: string;
}

/** The statements a penalty decision lacks, for the importer and for records entered by hand alike. */
export function missingPenaltyStatements(p: PenaltyStatements): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, label] of Object.entries(PENALTY_STATEMENTS) as [keyof typeof PENALTY_STATEMENTS, string][]) {
    const value = p[field];
    if (value === null || value === undefined || value.trim() === '') problems.push({ field, message: `行政处罚须填写${label}` });
  }
  if (!p.penaltyTypes?.length) problems.push({ field: 'penaltyTypes', message: '行政处罚须填写处罚类别' });
  if (p.penaltyTypes?.includes('罚款') && (p.fineFen === null || p.fineFen === undefined)) {
    problems.push({ field: 'fineFen', message: '处罚类别含罚款，须填写罚款金额' });
  }
  return problems;
}

/** "Warning-only penalties (警告) … are not published as penalties" (DOMAIN.md §2). */
export const isWarningOnly = (types: readonly string[]) => types.length > 0 && types.every((t) => t.trim() === '警告');

export interface RuleProblem {
  /** The field a form should mark. */
  field: 'decidedOn' | 'severity' | 'penaltyTypes';
  message: string;
}

/** Why a record may not be created as given; empty when it may. Messages are for staff, in Chinese. */
export function recordRuleProblems(r: RecordFacts, today: string): RuleProblem[] {
  if (!isIsoDate(r.decidedOn)) return [{ field: 'decidedOn', message: '决定日期应为有效日期，格式如 2026-06-01' }];
  const problems: RuleProblem[] = [];
  const add = (field: RuleProblem['field'], message: string) => problems.push({ field, message });
  if (r.decidedOn > today) add('decidedOn', '决定日期不能晚于今天');
  if (r.kind === 'no_penalty' && r.severity !== 'none') add('severity', '不予行政处罚（一案三书）不属于失信信息，严重程度应为“非失信信息”');
  if (r.kind === 'sampling_result' && r.severity !== 'none') add('severity', '抽查结果本身不属于失信信息，严重程度应为“非失信信息”');
  if ((r.kind === 'penalty' || r.kind === 'major_violation' || r.kind === 'commitment_breach') && r.severity === 'none') {
    add('severity', '失信信息须注明严重程度（轻微、一般或严重）');
  }
  if (r.kind === 'wage_arrears_list' && r.severity !== 'serious')
    add('severity', '列入拖欠农民工工资失信联合惩戒对象名单一律为严重失信信息');
  if (r.kind === 'penalty' && isWarningOnly(r.penaltyTypes)) add('penaltyTypes', '仅给予警告的处罚决定不作为行政处罚公示');
  const end = publicationEnd(r.decidedOn, r.severity);
  if (end !== null && end <= today) add('decidedOn', `按决定日期计算，公示期已于 ${end} 届满，无需再公示`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Reading the CSV file (RFC 4180)
//
// The file is read by csv-parse (https://csv.js.org/parse/), a long-maintained parser whose test
// suite covers the quoting, escaping and line-end cases that spreadsheets produce, rather than by a
// parser of our own. Its `csv-parse/sync` entry uses no Node streams, only the global Buffer, which
// workerd provides under `nodejs_compat`, so the same code runs in the Worker and in Node.
// The line a record starts on is counted here rather than read from csv-parse's per-record info:
// its `lines` is the line a record ends on, and it counts a CRLF inside a quoted field as two lines.

export type CsvParse = { ok: true; records: { line: number; cells: string[] }[] } | { ok: false; line: number; message: string };

const csvOptions = {
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  skip_empty_lines: true,
  relax_column_count: true,
} satisfies Options;

const LINE_BREAK = /\r\n|\r|\n/g;
/** Line breaks inside a record: only quoted fields can hold them, and csv-parse keeps them as written. */
const lineBreaks = (cells: string[]) => cells.reduce((n, cell) => n + (cell.match(LINE_BREAK)?.length ?? 0), 0);

const csvProblems: Partial<Record<CsvErrorCode, string>> = {
  CSV_QUOTE_NOT_CLOSED: '引号没有闭合',
  CSV_INVALID_CLOSING_QUOTE: '引号后应紧跟逗号或换行',
  INVALID_OPENING_QUOTE: '字段中间出现了引号，含引号的字段须整体用引号括起',
};

/**
 * RFC 4180 with what spreadsheets really write: a UTF-8 byte order mark, CRLF, LF or CR line
 * ends (even mixed), quoted fields with "" for a quote and line breaks inside. `line` is the
 * physical line a record starts on (the header is line 1), which is what staff see when they open
 * the file. Blank lines are skipped: Excel leaves them at the end. Rows may be shorter or longer
 * than the header; checkImportFile says so itself.
 */
export function parseCsv(input: string): CsvParse {
  const starts: number[] = [];
  // The line after the last record read, and how many blank lines csv-parse had skipped by then.
  let next = 1;
  let skipped = 0;
  const startOf = (emptyLines: number) => next + emptyLines - skipped;
  let rows: string[][];
  try {
    rows = parse(input, {
      ...csvOptions,
      on_record: (cells, info) => {
        const start = startOf(info.empty_lines);
        starts.push(start);
        next = start + lineBreaks(cells) + 1;
        skipped = info.empty_lines;
        return cells;
      },
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    // An unclosed quote runs to the end of the file, so the line to look at is where its record starts.
    const line = err.code === 'CSV_QUOTE_NOT_CLOSED' ? startOf(Number(err.empty_lines)) : errorLine(input, err);
    return { ok: false, line, message: `第 ${line} 行：${csvProblems[err.code] ?? `无法按 CSV 格式读取（${err.code}）`}` };
  }
  return { ok: true, records: rows.map((cells, i) => ({ line: starts[i]!, cells })) };
}

/**
 * The physical line of a misplaced quote. csv-parse's own count is exact once no CRLF is left, and
 * turning CRLF into LF moves no field boundary, so the same error recurs on a copy without them.
 */
function errorLine(input: string, err: CsvError): number {
  try {
    parse(input.replaceAll('\r\n', '\n'), csvOptions);
  } catch (again) {
    if (again instanceof CsvError && again.code === err.code) return Number(again.lines);
  }
  return Number(err.lines);
}

// ---------------------------------------------------------------------------------------------
// Columns

interface Column<F extends string> {
  field: F;
  /** The Chinese heading first (as DOMAIN.md names it), then accepted alternatives. */
  headers: readonly string[];
  required: boolean;
}

const col = <F extends string>(field: F, headers: string[], required = true): Column<F> => ({
  field,
  headers: [...headers, field],
  required,
});

export const penaltyImportColumns = [
  col('decisionNo', ['决定书文号', '行政处罚决定书文号']),
  col('partyName', ['当事人名称', '行政相对人名称']),
  col('uscc', ['统一社会信用代码', '统一社会信用代码（或注册号）']),
  col('violationType', ['违法行为类型']),
  col('facts', ['主要违法事实', '违法事实']),
  col('legalBasis', ['处罚依据']),
  col('penaltyTypes', ['处罚类别']),
  col('penaltyContent', ['处罚内容']),
  col('fineYuan', ['罚款金额', '罚款金额（元）', '罚款金额(元)'], false),
  col('decidedOn', ['决定日期', '处罚决定日期']),
  col('authority', ['处罚机关']),
  col('severity', ['失信严重程度', '严重程度']),
  col('title', ['记录标题', '标题'], false),
] as const;

export const samplingImportColumns = [
  col('taskId', ['任务编号']),
  col('enterpriseName', ['对象名称', '检查对象名称']),
  col('uscc', ['统一社会信用代码', '统一社会信用代码（或注册号）']),
  col('address', ['住所', '地址']),
  col('method', ['检查方式']),
  col('inspectedOn', ['检查日期']),
  col('result', ['检查结果']),
  col('followUp', ['后续处置'], false),
  col('authority', ['检查实施机关']),
] as const;

export const importColumns = { penalties: penaltyImportColumns, sampling_results: samplingImportColumns } as const;

/** The headings of a template file, for the import page. */
export const templateHeaders = (kind: ImportKind) => importColumns[kind].map((c) => c.headers[0]!);

// ---------------------------------------------------------------------------------------------
// Rows

export interface PenaltyRow {
  decisionNo: string;
  partyName: string;
  uscc: string;
  /** False for a well-formed code whose check character does not match (DOMAIN.md §1). */
  usccCheckValid: boolean;
  violationType: string;
  facts: string;
  legalBasis: string;
  penaltyTypes: string[];
  penaltyContent: string;
  fineFen: number | null;
  decidedOn: string;
  authority: string;
  severity: Exclude<Severity, 'none'>;
  title: string;
  publishUntil: string;
}

export interface SamplingRow {
  taskId: string;
  enterpriseName: string;
  uscc: string;
  usccCheckValid: boolean;
  address: string;
  method: (typeof inspectionMethods)[number];
  inspectedOn: string;
  result: (typeof samplingResultCategories)[number];
  followUp: string | null;
  authority: string;
}

export type ImportRow = PenaltyRow | SamplingRow;

export type RowCheck<T> =
  | { line: number; ok: true; key: string; value: T; warnings: string[] }
  | { line: number; ok: false; key: string | null; reasons: string[] };

export interface FileCheck<T> {
  /** Problems with the file as a whole (unreadable, missing columns, too many rows); no row is checked then. */
  fileErrors: string[];
  rows: RowCheck<T>[];
}

/** The natural key that makes re-importing a row a duplicate (credit_records.source_key). */
export const penaltySourceKey = (decisionNo: string) => `penalty:${decisionNo}`;
export const samplingSourceKey = (taskId: string, uscc: string) => `sampling:${taskId}:${uscc}`;

/** Full-width forms, stray spaces and non-breaking spaces that spreadsheets keep. */
const clean = (s: string | undefined) =>
  (s ?? '')
    .normalize('NFKC')
    .replace(/\u00a0/g, ' ')
    .trim();

/** 2026-06-01, 2026/6/1, 2026.6.1 and 2026年6月1日 (what Excel writes back) → 2026-06-01; null otherwise. */
/** "12,345.67"、"12345元" → 1234567 fen, exactly (no floating point); null when not an amount. */
export function parseYuanToFen(input: string): number | null {
  const s = clean(input)
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const SEVERITY_WORDS: Record<string, Exclude<Severity, 'none'>> = {
  轻微: 'minor',
  一般: 'general',
  严重: 'serious',
  minor: 'minor',
  general: 'general',
  serious: 'serious',
};

/** Codes are looked up as given even when the check character fails; whether that is acceptable needs the database. */
function checkUscc(value: string | undefined, reasons: string[]) {
  if (clean(value) === '') {
    reasons.push('统一社会信用代码不能为空');
    return null;
  }
  const parsed = parseUscc(value!);
  if (!parsed.ok) {
    reasons.push(`统一社会信用代码：${usccMessages[parsed.reason]}`);
    return null;
  }
  return { code: parsed.code, checkValid: parsed.checkValid };
}

/** A cell's cleaned text, with a reason when it is longer than the field allows. */
function bounded(cells: Record<string, string>, field: string, label: string, reasons: string[], max = 2000): string {
  const value = clean(cells[field]);
  if (Array.from(value).length > max) reasons.push(`${label}不超过 ${max} 个字`);
  return value;
}

function required(cells: Record<string, string>, field: string, label: string, reasons: string[], max = 2000): string {
  const value = bounded(cells, field, label, reasons, max);
  if (value === '') reasons.push(`${label}不能为空`);
  return value;
}

export function checkPenaltyRow(
  cells: Record<string, string>,
  today: string,
): { reasons: string[]; value: PenaltyRow | null; key: string | null } {
  const reasons: string[] = [];
  const decisionNo = bounded(cells, 'decisionNo', '决定书文号', reasons, 100);
  const partyName = required(cells, 'partyName', '当事人名称', reasons, 200);
  const uscc = checkUscc(cells.uscc, reasons);
  const violationType = bounded(cells, 'violationType', '违法行为类型', reasons);
  if (violationType && !(violationTypes as readonly string[]).includes(violationType)) {
    reasons.push(`违法行为类型应为：${violationTypes.join('、')}`);
  }
  const facts = bounded(cells, 'facts', '主要违法事实', reasons);
  const legalBasis = bounded(cells, 'legalBasis', '处罚依据', reasons);
  const penaltyTypes = bounded(cells, 'penaltyTypes', '处罚类别', reasons)
    .split(/[、,，;；\s]+/u)
    .filter(Boolean);
  const penaltyContent = bounded(cells, 'penaltyContent', '处罚内容', reasons);
  let fineFen: number | null = null;
  if (clean(cells.fineYuan) !== '') {
    fineFen = parseYuanToFen(cells.fineYuan!);
    if (fineFen === null) reasons.push('罚款金额应为以元为单位的数字，最多两位小数，例如 20000 或 12,345.50');
  }
  const statements = missingPenaltyStatements({ decisionNo, violationType, facts, legalBasis, penaltyContent, penaltyTypes, fineFen });
  // A fine that did not parse was reported above; saying it is missing too would only confuse.
  reasons.push(...statements.filter((p) => !(p.field === 'fineFen' && clean(cells.fineYuan) !== '')).map((p) => p.message));
  const rawDate = required(cells, 'decidedOn', '决定日期', reasons);
  const decidedOn = rawDate ? parseDateInput(rawDate) : null;
  if (rawDate && !decidedOn) reasons.push('决定日期应为有效日期，格式如 2026-06-01');
  const authority = required(cells, 'authority', '处罚机关', reasons, 100);
  const rawSeverity = required(cells, 'severity', '失信严重程度', reasons);
  const severity = rawSeverity ? SEVERITY_WORDS[rawSeverity] : undefined;
  if (rawSeverity && !severity) reasons.push('失信严重程度应为：轻微、一般、严重');
  if (decidedOn && severity)
    reasons.push(...recordRuleProblems({ kind: 'penalty', severity, decidedOn, penaltyTypes }, today).map((p) => p.message));
  const title = clean(cells.title) || (violationType ? `${violationType}行政处罚` : '');
  if (Array.from(title).length > 200) reasons.push('记录标题不超过 200 个字');

  const key = decisionNo ? penaltySourceKey(decisionNo) : null;
  if (reasons.length > 0 || !uscc || !decidedOn || !severity) return { reasons, value: null, key };
  return {
    reasons,
    key,
    value: {
      decisionNo,
      partyName,
      uscc: uscc.code,
      usccCheckValid: uscc.checkValid,
      violationType,
      facts,
      legalBasis,
      penaltyTypes,
      penaltyContent,
      fineFen,
      decidedOn,
      authority,
      severity,
      title,
      publishUntil: publicationEnd(decidedOn, severity)!,
    },
  };
}

export function checkSamplingRow(
  cells: Record<string, string>,
  today: string,
): { reasons: string[]; value: SamplingRow | null; key: string | null } {
  const reasons: string[] = [];
  const taskId = required(cells, 'taskId', '任务编号', reasons, 40);
  const enterpriseName = required(cells, 'enterpriseName', '对象名称', reasons, 200);
  const uscc = checkUscc(cells.uscc, reasons);
  const address = required(cells, 'address', '住所', reasons, 200);
  const method = required(cells, 'method', '检查方式', reasons);
  if (method && !(inspectionMethods as readonly string[]).includes(method)) reasons.push(`检查方式应为：${inspectionMethods.join('、')}`);
  const rawDate = required(cells, 'inspectedOn', '检查日期', reasons);
  const inspectedOn = rawDate ? parseDateInput(rawDate) : null;
  if (rawDate && !inspectedOn) reasons.push('检查日期应为有效日期，格式如 2026-06-01');
  if (inspectedOn && inspectedOn > today) reasons.push('检查日期不能晚于今天');
  const result = required(cells, 'result', '检查结果', reasons);
  if (result && !(samplingResultCategories as readonly string[]).includes(result)) {
    reasons.push(`检查结果应为：${samplingResultCategories.join('、')}`);
  }
  const followUp = clean(cells.followUp) || null;
  if (followUp && Array.from(followUp).length > 500) reasons.push('后续处置不超过 500 个字');
  const authority = required(cells, 'authority', '检查实施机关', reasons, 100);

  const key = taskId && uscc ? samplingSourceKey(taskId, uscc.code) : null;
  if (reasons.length > 0 || !uscc || !inspectedOn) return { reasons, value: null, key };
  return {
    reasons,
    key,
    value: {
      taskId,
      enterpriseName,
      uscc: uscc.code,
      usccCheckValid: uscc.checkValid,
      address,
      method: method as SamplingRow['method'],
      inspectedOn,
      result: result as SamplingRow['result'],
      followUp,
      authority,
    },
  };
}

const normaliseHeader = (h: string) => clean(h).replace(/\s+/g, '').toLowerCase();

/**
 * Reads a whole file and checks every row on its own terms: format, codes, dates, closed lists,
 * the publication rules, and duplicates within the file (the later row names the earlier one).
 */
export function checkImportFile(kind: 'penalties', text: string, today: string): FileCheck<PenaltyRow>;
export function checkImportFile(kind: 'sampling_results', text: string, today: string): FileCheck<SamplingRow>;
export function checkImportFile(kind: ImportKind, text: string, today: string): FileCheck<ImportRow>;
export function checkImportFile(kind: ImportKind, text: string, today: string): FileCheck<ImportRow> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { fileErrors: [`文件不是有效的 CSV：${parsed.message}`], rows: [] };
  const [header, ...body] = parsed.records;
  if (!header) return { fileErrors: ['文件是空的：第一行应为列标题'], rows: [] };

  const columns: readonly Column<string>[] = importColumns[kind];
  const index = new Map<string, number>();
  const fileErrors: string[] = [];
  header.cells.forEach((h, i) => {
    const name = normaliseHeader(h);
    const column = columns.find((c) => c.headers.some((alias) => normaliseHeader(alias) === name));
    if (!column) return;
    if (index.has(column.field)) fileErrors.push(`列“${column.headers[0]}”出现了两次`);
    index.set(column.field, i);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.field)).map((c) => `“${c.headers[0]}”`);
  if (missing.length) fileErrors.push(`缺少列：${missing.join('、')}。第一行应为列标题，可下载模板对照`);
  if (body.length === 0) fileErrors.push('文件中没有数据行');
  if (body.length > MAX_IMPORT_ROWS)
    fileErrors.push(`文件有 ${body.length} 行数据，超过每个文件 ${MAX_IMPORT_ROWS} 行的上限，请拆分后分别导入`);
  if (fileErrors.length) return { fileErrors, rows: [] };

  const seen = new Map<string, number>();
  const rows: RowCheck<ImportRow>[] = body.map(({ line, cells }) => {
    const values: Record<string, string> = {};
    for (const [field, i] of index) values[field] = cells[i] ?? '';
    const extra = cells.length > header.cells.length && cells.slice(header.cells.length).some((c) => c.trim() !== '');
    const checked = kind === 'penalties' ? checkPenaltyRow(values, today) : checkSamplingRow(values, today);
    const reasons = [...checked.reasons];
    if (extra) reasons.push('本行的列数多于标题行，可能有未加引号的逗号');
    if (checked.key) {
      const earlier = seen.get(checked.key);
      if (earlier !== undefined)
        reasons.push(kind === 'penalties' ? `与第 ${earlier} 行的决定书文号重复` : `与第 ${earlier} 行是同一任务的同一对象`);
      else seen.set(checked.key, line);
    }
    if (reasons.length > 0 || !checked.value) return { line, ok: false, key: checked.key, reasons };
    return { line, ok: true, key: checked.key!, value: checked.value, warnings: [] };
  });
  return { fileErrors: [], rows };
}

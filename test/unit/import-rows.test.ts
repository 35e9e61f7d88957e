import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_IMPORT_ROWS,
  checkImportFile,
  parseCsv,
  parseYuanToFen,
  penaltyPublicationDue,
  recordRuleProblems,
  templateHeaders,
} from '../../functions/domain/import-rows';
import { parseDateInput } from '../../functions/domain/dates';
import { defaultCalendar } from '../../functions/domain/calendar-data';
import { usccCheckCharacter } from '../../functions/domain/uscc';

const TODAY = '2026-11-25';
const code = (body: string) => {
  const first17 = `91110105${body}`;
  return first17 + usccCheckCharacter(first17);
};
const A = code('MA01DR001');
const B = code('MA01DR002');

describe('parseCsv (RFC 4180 as spreadsheets write it)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const parsed = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['x, y', 'say "hi"', 'two\r\nlines'] },
      ],
    });
  });

  it('drops a UTF-8 byte order mark and accepts LF, CR and CRLF', () => {
    const parsed = parseCsv('\uFEFFa,b\n1,2\r3,4\r\n5,6');
    expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('numbers records by the physical line they start on and skips blank lines', () => {
    const parsed = parseCsv('h\n"a\nb"\n\nc\n\n');
    expect(parsed.ok && parsed.records).toEqual([
      { line: 1, cells: ['h'] },
      { line: 2, cells: ['a\nb'] },
      { line: 5, cells: ['c'] },
    ]);
  });

  it('keeps empty fields, including trailing ones', () => {
    const parsed = parseCsv('a,,c,\n,,,');
    expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
  });

  it('rejects an unclosed quote and a quote in the middle of a field, naming the line', () => {
    expect(parseCsv('a\n"open')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a\nx"y"')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a\n"x"y')).toMatchObject({ ok: false, line: 2 });
  });

  it('numbers a record after multi-line quoted fields by the line it starts on, whatever the line breaks inside', () => {
    const parsed = parseCsv('h1,h2\r\n"a\r\nb\r\nc",x\r\n"d\ne",y\r\n\r\nz,w\r\n');
    expect(parsed.ok && parsed.records).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['a\r\nb\r\nc', 'x'] },
      { line: 5, cells: ['d\ne', 'y'] },
      { line: 8, cells: ['z', 'w'] },
    ]);
  });

  it('reads a file with CR-only line ends (old Mac spreadsheets)', () => {
    const parsed = parseCsv('a,b\r1,2\r"x\ry",3\r\r4,5\r');
    expect(parsed.ok && parsed.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['x\ry', '3'] },
      { line: 6, cells: ['4', '5'] },
    ]);
  });

  it('keeps rows shorter or longer than the header for checkImportFile to judge', () => {
    const parsed = parseCsv('a,b\n1\n1,2,3\n');
    expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual([['a', 'b'], ['1'], ['1', '2', '3']]);
  });

  it('names the line an unclosed quote opens on, not the end of the file', () => {
    expect(parseCsv('h\r\n"a\r\nb"\r\nok\r\n\r\n"never\r\nclosed\r\nat all\r\n')).toEqual({
      ok: false,
      line: 6,
      message: '第 6 行：引号没有闭合',
    });
  });

  it('names the line of a stray quote inside an unquoted field, after multi-line fields', () => {
    expect(parseCsv('h1,h2\r\n"multi\r\nline",x\r\nab"c,d\r\n')).toEqual({
      ok: false,
      line: 4,
      message: '第 4 行：字段中间出现了引号，含引号的字段须整体用引号括起',
    });
  });

  it('names the line of a closing quote not followed by a comma or line break, even inside a multi-line field', () => {
    expect(parseCsv('h1,h2\n"multi\nline",x\n"ab"c,d\n')).toEqual({ ok: false, line: 4, message: '第 4 行：引号后应紧跟逗号或换行' });
    expect(parseCsv('h1,h2\r\n"x\r\ny"z,1\r\n')).toEqual({ ok: false, line: 3, message: '第 3 行：引号后应紧跟逗号或换行' });
  });

  it('reads back what a writer that quotes everything writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\r\n');
        const parsed = parseCsv(text);
        expect(parsed.ok && parsed.records.map((r) => r.cells)).toEqual(rows);
      }),
    );
  });
});

describe('parseDateInput and parseYuanToFen', () => {
  it('accepts what Excel writes back for dates and rejects impossible dates', () => {
    expect(parseDateInput('2026-06-01')).toBe('2026-06-01');
    expect(parseDateInput('2026/6/1')).toBe('2026-06-01');
    expect(parseDateInput('2026.6.1')).toBe('2026-06-01');
    expect(parseDateInput('2026年6月1日')).toBe('2026-06-01');
    expect(parseDateInput('２０２６－０６－０１')).toBe('2026-06-01');
    expect(parseDateInput('2026-02-30')).toBeNull();
    expect(parseDateInput('06/01/2026')).toBeNull();
  });

  it('converts yuan to integer fen exactly', () => {
    expect(parseYuanToFen('20000')).toBe(2_000_000);
    expect(parseYuanToFen('12,345.5')).toBe(1_234_550);
    expect(parseYuanToFen('0.07元')).toBe(7);
    expect(parseYuanToFen('1.234')).toBeNull();
    expect(parseYuanToFen('-5')).toBeNull();
    expect(parseYuanToFen('abc')).toBeNull();
  });
});

describe('recordRuleProblems (DOMAIN.md §2, §6, §8)', () => {
  const base = { kind: 'penalty' as const, severity: 'general' as const, decidedOn: '2026-10-01', penaltyTypes: ['罚款'] };
  const messages = (r: Parameters<typeof recordRuleProblems>[0]) =>
    recordRuleProblems(r, TODAY)
      .map((p) => p.message)
      .join();
  it('accepts a general penalty within its period', () => {
    expect(recordRuleProblems(base, TODAY)).toEqual([]);
  });
  it('does not publish warning-only penalties as penalties', () => {
    expect(messages({ ...base, penaltyTypes: ['警告'] })).toMatch(/警告/);
  });
  it('keeps a dishonest-list listing serious and a no-penalty outcome non-negative', () => {
    expect(messages({ ...base, kind: 'wage_arrears_list' })).toMatch(/严重/);
    expect(messages({ ...base, kind: 'no_penalty' })).toMatch(/非失信/);
  });
  it('names the field to mark', () => {
    expect(recordRuleProblems({ ...base, penaltyTypes: ['警告'] }, TODAY)).toEqual([
      { field: 'penaltyTypes', message: expect.stringMatching(/警告/) },
    ]);
  });
  it('refuses a record whose publication period has already ended, or a decision in the future', () => {
    expect(messages({ ...base, severity: 'minor', decidedOn: '2026-01-01' })).toMatch(/届满/);
    expect(messages({ ...base, decidedOn: '2026-12-01' })).toMatch(/晚于今天/);
  });
});

describe('penaltyPublicationDue — "within 7 working days of the decision" (DOMAIN.md §8)', () => {
  it('counts working days after the decision date, skipping the National Day holiday', () => {
    // 2026-09-30 (Wed): 国庆 1–7 Oct are off; 8, 9, 10 (a make-up Saturday), 12, 13, 14, 15 Oct count.
    expect(penaltyPublicationDue(defaultCalendar, '2026-09-30')).toBe('2026-10-15');
  });
  it('is a week and a bit on ordinary weeks', () => {
    expect(penaltyPublicationDue(defaultCalendar, '2026-11-02')).toBe('2026-11-11');
  });
});

const penaltyHeader = templateHeaders('penalties').join(',');
const penaltyRow = (over: Partial<Record<string, string>> = {}) => {
  const v = {
    decisionNo: '京朝人社监罚字〔2026〕第 101 号',
    partyName: '北京导入测试有限公司',
    uscc: A,
    violationType: '拖欠工资',
    facts: '拖欠 5 名劳动者 2026 年 8 月工资共计 4.2 万元',
    legalBasis: '《劳动保障监察条例》第二十六条',
    penaltyTypes: '罚款',
    penaltyContent: '罚款人民币贰万元整',
    fineYuan: '20000',
    decidedOn: '2026-10-15',
    authority: '北京市朝阳区人力资源和社会保障局',
    severity: '一般',
    title: '',
    ...over,
  };
  return [
    v.decisionNo,
    v.partyName,
    v.uscc,
    v.violationType,
    v.facts,
    v.legalBasis,
    v.penaltyTypes,
    v.penaltyContent,
    v.fineYuan,
    v.decidedOn,
    v.authority,
    v.severity,
    v.title,
  ]
    .map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c))
    .join(',');
};

describe('checkImportFile — penalty decisions', () => {
  it('accepts valid rows and derives 公示截止期 from the decision date and severity', () => {
    const check = checkImportFile('penalties', `${penaltyHeader}\r\n${penaltyRow()}\r\n`, TODAY);
    expect(check.fileErrors).toEqual([]);
    expect(check.rows).toHaveLength(1);
    const row = check.rows[0]!;
    expect(row.ok).toBe(true);
    if (!row.ok) return;
    expect(row.key).toBe('penalty:京朝人社监罚字〔2026〕第 101 号');
    expect(row.value).toMatchObject({
      uscc: A,
      fineFen: 2_000_000,
      severity: 'general',
      decidedOn: '2026-10-15',
      publishUntil: '2027-10-15',
      penaltyTypes: ['罚款'],
      title: '拖欠工资行政处罚',
    });
  });

  it('rejects each bad row with every reason, and names the earlier row of a duplicate', () => {
    const rows = [
      penaltyRow(),
      penaltyRow({ uscc: '12345' }),
      penaltyRow({ decisionNo: '京朝人社监罚字〔2026〕第 102 号', decidedOn: '2026-13-01', severity: '很重' }),
      penaltyRow({ decisionNo: '京朝人社监罚字〔2026〕第 103 号', violationType: '迟到', penaltyTypes: '警告', fineYuan: '' }),
      penaltyRow({ decisionNo: '京朝人社监罚字〔2026〕第 104 号', uscc: B, fineYuan: 'twenty' }),
    ];
    const check = checkImportFile('penalties', [penaltyHeader, ...rows].join('\n'), TODAY);
    const byLine = new Map(check.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)?.ok).toBe(true);
    expect(byLine.get(3)).toMatchObject({
      ok: false,
      reasons: expect.arrayContaining([expect.stringMatching(/18 位/), '与第 2 行的决定书文号重复']),
    });
    expect(byLine.get(4)).toMatchObject({ ok: false, reasons: [expect.stringMatching(/决定日期/), expect.stringMatching(/严重程度/)] });
    expect(byLine.get(5)).toMatchObject({ ok: false, reasons: [expect.stringMatching(/违法行为类型/), expect.stringMatching(/警告/)] });
    expect(byLine.get(6)).toMatchObject({ ok: false, reasons: [expect.stringMatching(/罚款金额/)] });
  });

  it('reports missing columns, an empty file and too many rows before looking at any row', () => {
    expect(checkImportFile('penalties', '决定书文号,当事人名称\n1,2', TODAY).fileErrors.join()).toMatch(/缺少列/);
    expect(checkImportFile('penalties', '', TODAY).fileErrors.join()).toMatch(/空/);
    expect(checkImportFile('penalties', penaltyHeader, TODAY).fileErrors.join()).toMatch(/没有数据行/);
    const many = [penaltyHeader, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => penaltyRow({ decisionNo: `第 ${i} 号` }))].join(
      '\n',
    );
    expect(checkImportFile('penalties', many, TODAY).fileErrors.join()).toMatch(/拆分/);
  });

  it('accepts English field names as headers too', () => {
    const header =
      'decisionNo,partyName,uscc,violationType,facts,legalBasis,penaltyTypes,penaltyContent,fineYuan,decidedOn,authority,severity,title';
    expect(checkImportFile('penalties', `${header}\n${penaltyRow()}`, TODAY).rows[0]?.ok).toBe(true);
  });
});

describe('checkImportFile — sampling results', () => {
  const header = templateHeaders('sampling_results').join(',');
  const row = (over: Partial<Record<string, string>> = {}) => {
    const v = {
      taskId: 'CC-2026-01',
      name: '北京抽查对象有限公司',
      uscc: A,
      address: '北京市朝阳区工体北路 8 号',
      method: '实地',
      date: '2026/4/1',
      result: '未发现问题',
      followUp: '',
      authority: '北京市朝阳区人力资源和社会保障局',
      ...over,
    };
    return [v.taskId, v.name, v.uscc, v.address, v.method, v.date, v.result, v.followUp, v.authority].join(',');
  };

  it('checks methods and results against the closed lists of DOMAIN.md §7', () => {
    const check = checkImportFile(
      'sampling_results',
      [header, row(), row({ uscc: B, method: '电话', result: '良好' }), row()].join('\n'),
      TODAY,
    );
    expect(check.rows[0]).toMatchObject({
      ok: true,
      key: `sampling:CC-2026-01:${A}`,
      value: { inspectedOn: '2026-04-01', followUp: null },
    });
    expect(check.rows[1]).toMatchObject({ ok: false, reasons: [expect.stringMatching(/检查方式/), expect.stringMatching(/检查结果/)] });
    expect(check.rows[2]).toMatchObject({ ok: false, reasons: ['与第 2 行是同一任务的同一对象'] });
  });
});

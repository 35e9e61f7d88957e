import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MASK, maskDetail, maskPersonName, maskText, publicRecordDetail } from '../../functions/domain/masking';
import { USCC_ALPHABET, usccCheckCharacter } from '../../functions/domain/uscc';

// DOMAIN.md §8: "Never published: natural persons' ID numbers, phone numbers, home addresses, bank
// accounts, health data; names of natural persons other than the responsible person (masked as
// 张某某); anything about minors; state or trade secrets. Submitters' contact details are never public."

const uscc = (body9: string, district = '110105') => {
  const first17 = `91${district}${body9}`;
  return first17 + usccCheckCharacter(first17)!;
};

describe('maskPersonName (DOMAIN.md §8: "masked as 张某某")', () => {
  it('keeps a one-character surname: 张三 → 张某某', () => {
    expect(maskPersonName('张三')).toBe('张某某');
    expect(maskPersonName('王小明')).toBe('王某某');
  });

  it('keeps a two-character surname: 欧阳娜娜 → 欧阳某某', () => {
    expect(maskPersonName('欧阳娜娜')).toBe('欧阳某某');
  });

  it.each(['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐'])(
    'recognises the compound surname %s',
    (surname) => {
      expect(maskPersonName(`${surname}明`)).toBe(`${surname}某某`);
    },
  );

  it('reads a two-character name as surname + given name even if it looks compound', () => {
    expect(maskPersonName('司马')).toBe('司某某');
  });

  it('never reveals the given name', () => {
    expect(maskPersonName('李建国')).not.toContain('建');
    expect(maskPersonName('诸葛亮')).not.toContain('亮');
  });

  it('ignores spaces inside a name', () => {
    expect(maskPersonName(' 张 三 ')).toBe('张某某');
  });

  it('masks a name without a Chinese surname entirely', () => {
    expect(maskPersonName('John Smith')).toBe('某某');
  });

  it('returns an empty string for an empty name', () => {
    expect(maskPersonName('')).toBe('');
  });
});

describe('maskText — what goes (DOMAIN.md §8)', () => {
  it.each([
    ['18-digit ID number', '身份证号110101199003071234，', `身份证号${MASK}，`],
    ['ID number ending in X', '身份证11010119900307123X。', `身份证${MASK}。`],
    ['ID number ending in lower-case x', '11010119900307123x', MASK],
    ['15-digit ID number', '旧身份证110101900307123', `旧身份证${MASK}`],
    ['ID number written in groups', '110101 19900307 1234', MASK],
    ['mobile number', '电话13800138000', `电话${MASK}`],
    ['mobile with +86 and spaces', '联系 +86 138 0013 8000 即可', `联系 ${MASK} 即可`],
    ['mobile with +86 and hyphen', '+86-13800138000', MASK],
    ['mobile with 0086', '008613912345678', MASK],
    ['mobile with +86 glued on', '+8613912345678', MASK],
    ['longer number with a mobile inside, whole', '编号138001380001', `编号${MASK}`],
    ['mobile with hyphens', '手机：139-1234-5678。', `手机：${MASK}。`],
    ['landline with area code', '座机010-12345678', `座机${MASK}`],
    ['landline with a space', '010 12345678', MASK],
    ['landline in brackets', '(010)12345678', MASK],
    ['landline in full-width brackets', '（0755）1234567', MASK],
    ['landline with extension', '010-12345678-801', MASK],
    ['landline without separator', '01012345678', MASK],
    ['e-mail address', '邮箱 zhang.san@example.com。', `邮箱 ${MASK}。`],
    ['e-mail with plus and subdomain', 'a_b+c@mail.bj.example.cn', MASK],
    ['bank card, 16 digits', '卡号6222021234567890', `卡号${MASK}`],
    ['bank card, 19 digits', '6222021234567890123', MASK],
    ['bank card in groups', '卡号 6222 0212 3456 7890 收款', `卡号 ${MASK} 收款`],
    ['bank card in groups of 19 digits', '6222-0212-3456-7890-123', MASK],
  ])('removes a %s', (_what, input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it('removes several identifiers in one sentence', () => {
    const text = '劳动者（身份证号110101199003071234，电话13800138000，邮箱a@b.cn）反映';
    expect(maskText(text)).toBe(`劳动者（身份证号${MASK}，电话${MASK}，邮箱${MASK}）反映`);
  });

  it('masks the named persons and keeps the kept ones', () => {
    const text = '劳动者张三、李四反映法定代表人王建国拖欠工资';
    expect(maskText(text, { names: ['张三', '李四', '王建国'], keepNames: ['王建国'] })).toBe(
      '劳动者张某某、李某某反映法定代表人王建国拖欠工资',
    );
  });

  it('keeps a longer kept name that contains a masked one', () => {
    expect(maskText('负责人王小明', { names: ['王小'], keepNames: ['王小明'] })).toBe('负责人王小明');
  });
});

describe('maskText — what stays (DOMAIN.md §8 with §1 codes and §8 事后公开 fields)', () => {
  it('keeps a 统一社会信用代码 with letters', () => {
    const text = '当事人北京某科技有限公司（统一社会信用代码：91350100M000100Y43）';
    expect(maskText(text)).toBe(text);
  });

  it('keeps codes whose digit runs look like phone numbers', () => {
    // 17 digits + a letter: the digits alone would be an ID number or a card.
    const code = '91110000802100433B';
    expect(maskText(`代码${code}。`)).toBe(`代码${code}。`);
  });

  it('keeps a code of 17 digits + X that is not shaped like an ID number', () => {
    expect(maskText('91110000802100433X')).toBe('91110000802100433X');
  });

  it('keeps a lower-case code', () => {
    expect(maskText('91350100m000100y43')).toBe('91350100m000100y43');
  });

  it.each(['京朝人社监罚字〔2026〕12号', '京朝人社监罚字〔2026〕第 1 号', '京人社监理字〔2025〕第138号'])(
    'keeps the decision number %s',
    (no) => {
      expect(maskText(`决定书文号：${no}`)).toBe(`决定书文号：${no}`);
    },
  );

  it.each(['罚款人民币 50,000.00 元', '罚款20000元', '拖欠工资 1,380,013.80 元', '共计 12345678.90 元'])(
    'keeps the money amount in %s',
    (text) => {
      expect(maskText(text)).toBe(text);
    },
  );

  it.each(['2026-11-25', '2026年11月25日', '2025-01-01至2025-12-31', '检查期间 2026-09-01 至 2026-10-31'])('keeps the date %s', (text) => {
    expect(maskText(text)).toBe(text);
  });

  it('keeps a year written after a grouped card number', () => {
    expect(maskText('6222 0212 3456 7890 2026年')).toBe(`${MASK} 2026年`);
  });
});

describe('maskText, as a property (DOMAIN.md §8)', () => {
  const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
  const division = fc.constantFrom('110101', '110105', '310115', '440305', '510107', '650102');
  const birth = fc
    .tuple(fc.integer({ min: 1940, max: 2010 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`);

  const mobileDigits = fc.tuple(fc.constantFrom(...'3456789'), digits(9)).map(([b, rest]) => `1${b}${rest}`);
  const mobile = fc
    .tuple(mobileDigits, fc.constantFrom('plain', '+86 ', '+86-', '0086', 'spaced', 'hyphened', '+86 spaced'))
    .map(([m, style]) => {
      const spaced = `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`;
      if (style === 'plain') return m;
      if (style === 'spaced') return spaced;
      if (style === 'hyphened') return spaced.replaceAll(' ', '-');
      if (style === '+86 spaced') return `+86 ${spaced}`;
      return style + m;
    });
  const id18 = fc.tuple(division, birth, digits(3), fc.constantFrom(...'0123456789Xx')).map(([a, b, c, d]) => a + b + c + d);
  const id15 = fc.tuple(division, birth, digits(3)).map(([a, b, c]) => a + b.slice(2) + c);
  const idGrouped = id18.map((id) => `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`);
  const email = fc
    .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/), fc.constantFrom('example.com', 'mail.bj.gov.cn', '163.com', 'qq.com'))
    .map(([local, domain]) => `${local}@${domain}`);
  const card = fc.integer({ min: 14, max: 17 }).chain((n) => digits(n).map((d) => `62${d}`));
  const cardGrouped = digits(16).map((d) => d.match(/.{4}/g)!.join(' '));
  const landline = fc
    .tuple(fc.constantFrom('010', '021', '0755', '0571'), fc.constantFrom('-', ' '), digits(8))
    .map(([a, s, n]) => a + s + n);
  const code = fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 7, maxLength: 7 }).map((chars) => uscc(`MA${chars.join('')}`));
  const decisionNo = fc
    .tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 999 }))
    .map(([y, n]) => `京朝人社监罚字〔${y}〕${n}号`);
  const filler = fc.string({
    unit: fc.constantFrom(...'北京市朝阳区劳动者工资拖欠反映年月日元，。、：（）〔〕 -+0123456789'),
    maxLength: 12,
  });

  const secret = fc.oneof(mobile, id18, id15, idGrouped, email, card, cardGrouped, landline);
  const fragment = fc.oneof(filler, secret, code, decisionNo);

  /** Patterns a reader could recognise as personal data in the output. */
  const personalData: [string, RegExp][] = [
    ['mobile', /1[3-9]\d{9}/],
    ['grouped mobile', /1[3-9]\d[ -]\d{4}[ -]\d{4}/],
    ['ID number', /\d{17}[\dXx]/],
    ['15-digit ID or long number', /\d{15}/],
    ['grouped ID number', /\d{6}[ -]\d{8}[ -]\d{3}[\dXx]/],
    ['grouped card', /\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4}/],
    ['landline', /0\d{2,3}[ -]\d{7,8}/],
    ['e-mail', /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/],
  ];

  it('leaves nothing that matches a phone, ID, card or e-mail pattern, however the pieces are glued together', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 8 }), (pieces) => {
        // Kept codes are public; digits glued to one (filler "038-" + "91110105MA…") are not a phone.
        const out = maskText(pieces.join('')).replace(/(?=[0-9A-Z]*[A-Z])[0-9A-HJ-NP-RTUWXY]{18}/g, ' ');
        for (const [what, pattern] of personalData) {
          expect(pattern.test(out), `${what} left in ${JSON.stringify(out)}`).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('removes every identifier and keeps every code and decision number in ordinary prose', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(secret, code, decisionNo), { minLength: 1, maxLength: 4 }), (rows) => {
        const text = rows.map(([s, c, d]) => `当事人（${c}）经${d}认定，劳动者联系方式${s}。`).join('');
        const out = maskText(text);
        for (const [s, c, d] of rows) {
          expect(out).not.toContain(s);
          expect(out).toContain(c);
          expect(out).toContain(d);
        }
      }),
    );
  });
});

describe('maskDetail (DOMAIN.md §8)', () => {
  const legalRepresentative = '王建国';

  it('masks the names in person fields but keeps the legal representative', () => {
    const out = maskDetail(
      { workers: ['张三', '李四', '王建国'], employees: '赵六、钱七', complainant: '欧阳娜娜' },
      { legalRepresentative },
    );
    expect(out).toEqual({ workers: ['张某某', '李某某', '王建国'], employees: '赵某某、钱某某', complainant: '欧阳某某' });
  });

  it('masks names inside person objects and hides their identifiers, keeping amounts', () => {
    const out = maskDetail(
      {
        persons: [
          { name: '张三', idNumber: '110101199003071234', phone: '13800138000', wagesOwedFen: 1_200_000, months: '2026年3月至5月' },
        ],
      },
      { legalRepresentative },
    );
    expect(out).toEqual({
      persons: [{ name: '张某某', idNumber: MASK, phone: MASK, wagesOwedFen: 1_200_000, months: '2026年3月至5月' }],
    });
  });

  it('hides identifier fields even when they do not look like one (a half-typed ID is still an ID)', () => {
    const out = maskDetail({
      workers: [{ name: '张三', 身份证号: '1101011990', bankAccount: '6222 0212', homeAddress: '朝阳区某小区3号楼' }],
    });
    expect(out).toEqual({ workers: [{ name: '张某某', 身份证号: MASK, bankAccount: MASK, homeAddress: MASK }] });
  });

  it('hides a person’s address but keeps the employer’s', () => {
    const out = maskDetail({ address: '北京市朝阳区建国路 1 号', workers: [{ name: '张三', address: '北京市通州区某小区 5 号楼' }] });
    expect(out).toEqual({ address: '北京市朝阳区建国路 1 号', workers: [{ name: '张某某', address: MASK }] });
  });

  it('keeps the responsible persons of a listing (法定代表人/主要负责人/直接责任人员) but not their ID numbers', () => {
    const out = maskDetail(
      {
        legalRepresentative: { name: '王建国', idNumber: '110101197001011234' },
        responsiblePersons: ['李主管'],
        直接责任人员: '孙经理',
      },
      { legalRepresentative },
    );
    expect(out).toEqual({
      legalRepresentative: { name: '王建国', idNumber: MASK },
      responsiblePersons: ['李主管'],
      直接责任人员: '孙经理',
    });
  });

  it('masks the persons’ names wherever they occur in free text, but not the kept ones', () => {
    const out = maskDetail(
      { workers: ['张三', '李四'], responsiblePersons: ['李主管'], facts: '拖欠张三、李四工资，经李主管确认，王建国签收。' },
      { legalRepresentative },
    );
    expect(out?.facts).toBe('拖欠张某某、李某某工资，经李主管确认，王建国签收。');
  });

  it('applies maskText to every other string, at any depth', () => {
    const out = maskDetail({ inspection: { notes: ['联系人电话13800138000', { remark: 'mail: a@b.cn' }] } });
    expect(out).toEqual({ inspection: { notes: [`联系人电话${MASK}`, { remark: `mail: ${MASK}` }] } });
  });

  it('hides anything about minors', () => {
    const out = maskDetail({ childOrForcedLabour: true, minors: [{ name: '小明', age: 15 }], 童工: '2名', violation: '使用童工' });
    expect(out).toEqual({ childOrForcedLabour: true, minors: MASK, 童工: MASK, violation: '使用童工' });
  });

  it('hides a phone number stored as a number', () => {
    expect(maskDetail({ remark: 13800138000 })).toEqual({ remark: MASK });
  });

  it('hides a person field that is not just names rather than guess', () => {
    expect(maskDetail({ workers: '张三等5名劳动者' })).toEqual({ workers: MASK });
  });

  it('keeps codes, decision numbers, result categories, money and flags', () => {
    const detail = {
      uscc: '91350100M000100Y43',
      registrationNo: '110105012345678',
      decisionNo: '京朝人社监罚字〔2026〕12号',
      result: '发现问题已立案查处',
      fineFen: 5_000_000,
      groupIncident: false,
      caseNo: '京朝人社监案〔2026〕7号',
      id: 42,
    };
    expect(maskDetail(detail, { legalRepresentative })).toEqual(detail);
  });

  it('does not change its input', () => {
    const detail = { workers: ['张三'] };
    maskDetail(detail);
    expect(detail).toEqual({ workers: ['张三'] });
  });

  it('passes null through', () => {
    expect(maskDetail(null)).toBeNull();
  });
});

describe('maskText — names written after a role word (DOMAIN.md §8: other natural persons masked as 张某某)', () => {
  it('masks a list of workers: 劳动者张三、李四等 6 人', () => {
    expect(maskText('劳动者张三、李四等 6 人')).toBe('劳动者张某某、李某某等 6 人');
    expect(maskText('劳动者张三、李四等6人反映被拖欠工资')).toBe('劳动者张某某、李某某等6人反映被拖欠工资');
    expect(maskText('员工张三、李四、王五')).toBe('员工张某某、李某某、王某某');
  });

  it('masks a name followed by what is said about the person: 员工李小明的工资', () => {
    expect(maskText('员工李小明的工资')).toBe('员工李某某的工资');
    expect(maskText('拖欠员工李小明工资')).toBe('拖欠员工李某某工资');
    expect(maskText('农民工赵六投诉')).toBe('农民工赵某某投诉');
    expect(maskText('职工刘德华入职')).toBe('职工刘某某入职');
    expect(maskText('员工张三被辞退')).toBe('员工张某某被辞退');
  });

  it.each(['劳动者', '员工', '职工', '工人', '农民工', '务工人员', '雇员', '学徒', '童工', '未成年工', '女职工'])(
    'masks after %s',
    (role) => {
      expect(maskText(`${role}张三反映`)).toBe(`${role}张某某反映`);
    },
  );

  it('masks after a colon and at the end of the text', () => {
    expect(maskText('劳动者：张三、李四')).toBe('劳动者：张某某、李某某');
    expect(maskText('员工:张三')).toBe('员工:张某某');
    expect(maskText('涉及员工张三')).toBe('涉及员工张某某');
  });

  it('keeps a compound surname: 劳动者欧阳娜娜的 → 欧阳某某', () => {
    expect(maskText('劳动者欧阳娜娜的工资')).toBe('劳动者欧阳某某的工资');
    expect(maskText('员工诸葛亮的')).toBe('员工诸葛某某的');
  });

  it('never leaves the given name behind', () => {
    expect(maskText('员工李小明的工资')).not.toContain('小明');
    expect(maskText('劳动者张三、李四等 6 人')).not.toMatch(/[三四]/);
  });

  it.each([
    '员工工资',
    '员工工资表',
    '员工安全培训',
    '职工安全生产',
    '工人师傅',
    '员工高温补贴',
    '员工严重违纪',
    '员工关系管理',
    '员工全体大会',
    '员工应当遵守',
    '员工成本上升',
    '员工项目奖金',
    '职工代表大会',
    '农民工工资专用账户',
    '务工人员工资',
    '员工工资和加班费',
    '劳动者申请仲裁',
  ])('leaves ordinary words after a role word alone: %s', (text) => {
    expect(maskText(text)).toBe(text);
  });

  it('leaves an already masked name alone (no 张某某某某)', () => {
    expect(maskText('劳动者张某某')).toBe('劳动者张某某');
    expect(maskText('劳动者张某某、李某某等 6 人')).toBe('劳动者张某某、李某某等 6 人');
    expect(maskText('员工王某的工资')).toBe('员工王某的工资');
    expect(maskText(maskText('劳动者张三、李四等 6 人'))).toBe('劳动者张某某、李某某等 6 人');
  });

  it('masks the rest of a list that ends with an already masked name', () => {
    expect(maskText('员工李四、王某某')).toBe('员工李某某、王某某');
  });

  it('keeps the responsible person (keepNames), masking the others in the same list', () => {
    expect(maskText('员工王建国反映', { keepNames: ['王建国'] })).toBe('员工王建国反映');
    expect(maskText('员工王建国、张三等', { keepNames: ['王建国'] })).toBe('员工王建国、张某某等');
    // The kept name wins even if it is also listed to be masked.
    expect(maskText('员工王建国的工资', { names: ['王建国'], keepNames: ['王建国'] })).toBe('员工王建国的工资');
  });
});

describe('maskDetail and publicRecordDetail — names after a role word (DOMAIN.md §8)', () => {
  it('masks them in free-text fields of a detail, keeping the legal representative', () => {
    const out = maskDetail({ facts: '劳动者张三、李四等 6 人反映被拖欠工资，员工王建国确认' }, { legalRepresentative: '王建国' });
    expect(out).toEqual({ facts: '劳动者张某某、李某某等 6 人反映被拖欠工资，员工王建国确认' });
  });

  it('keeps a legal representative or responsible person named inside the detail itself', () => {
    expect(maskDetail({ legalRepresentative: '王建国', facts: '员工王建国反映' })).toEqual({
      legalRepresentative: '王建国',
      facts: '员工王建国反映',
    });
    expect(maskDetail({ responsiblePersons: ['李主管'], facts: '员工李主管确认' })).toEqual({
      responsiblePersons: ['李主管'],
      facts: '员工李主管确认',
    });
  });

  it('masks them in every published statement of a record, keeping the legal representative', () => {
    const out = publicRecordDetail(
      {
        violationType: '拖欠劳动报酬',
        facts: '拖欠劳动者张三、李四等 6 人工资共计 12 万元，法定代表人王建国签收',
        legalBasis: '《保障农民工工资支付条例》第五十七条',
        penaltyTypes: ['罚款'],
        penaltyContent: '责令支付员工李小明的工资',
        fineFen: 2_000_000,
        correctionNote: '员工王建国、赵六等已领取',
        detail: { remark: '职工刘德华入职' },
      },
      '王建国',
    );
    expect(out).toEqual({
      violationType: '拖欠劳动报酬',
      facts: '拖欠劳动者张某某、李某某等 6 人工资共计 12 万元，法定代表人王建国签收',
      legalBasis: '《保障农民工工资支付条例》第五十七条',
      penaltyTypes: ['罚款'],
      penaltyContent: '责令支付员工李某某的工资',
      fineFen: 2_000_000,
      correctionNote: '员工王建国、赵某某等已领取',
      remark: '职工刘某某入职',
    });
  });
});

describe('names after a role word — lists and prepositions (DOMAIN.md §8)', () => {
  // A list that starts with a name already masked goes on to names that are not.
  it('masks the names after an already masked first one: 劳动者王某某、李四等', () => {
    expect(maskText('劳动者王某某、李四等')).toBe('劳动者王某某、李某某等');
  });

  it.each([
    ['劳动者李四、王五和赵六', '劳动者李某某、王某某和赵某某'],
    ['劳动者张三与李四', '劳动者张某某与李某某'],
    ['员工张三，李四', '员工张某某，李某某'],
  ])('masks every name of a list joined otherwise than by 、: %s', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  // 于, 向 and 和 are surnames too, but right after a role word they are words of the sentence.
  it.each(['员工于本月离职', '职工向公司反映', '员工和家属'])('leaves a preposition after a role word alone: %s', (text) => {
    expect(maskText(text)).toBe(text);
  });

  it.each([
    ['员工张三受伤', '员工张某某受伤'],
    ['工人李四从脚手架坠落', '工人李某某从脚手架坠落'],
    ['职工王五签字确认', '职工王某某签字确认'],
    ['劳动者 张三', '劳动者 张某某'],
    ['员工欧阳小明加班', '员工欧阳某某加班'],
  ])('masks a name followed by a verb of the matter, or after a space: %s', (input, expected) => {
    expect(maskText(input)).toBe(expected);
  });

  it.each(['员工金额', '劳动者方面', '员工陈述', '员工余额', '工人安全帽', '工人文化宫'])(
    'leaves ordinary words after a role word alone: %s',
    (text) => {
      expect(maskText(text)).toBe(text);
    },
  );
});

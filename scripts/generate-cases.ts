// Writes N generated demo cases (典型案例) as Markdown, for testing how the build scales.
//
// Usage (Node ≥ 22 from node_modules/.bin, so run it through npx or an npm script):
//   npx node scripts/generate-cases.ts --count 2000 --out content/cases/generated
//   npm run build            # prerenders every case, list page and the feed, then Pagefind
//   rm -r content/cases/generated
//
// Options: --count N (default 2000), --out DIR (default: a new folder under the system temp dir),
// --seed S (default 1; the same seed writes the same files). The output folder must not be
// content/cases itself: generated files go in a folder of their own so one `rm -r` removes them.
// Every case is validated against the schema the build uses before anything is written.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { districtCodes, districts } from '../functions/domain/districts.ts';
import { usccCheckCharacter } from '../functions/domain/uscc.ts';
import { caseCategoryNames, caseSchema, type CaseCategory, type CaseData } from '../src/lib/content-schemas.ts';

const root = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: { count: { type: 'string', default: '2000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } },
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive whole number, not ${values.count}`);
const out = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'hrss-generated-cases-'));
if (out === resolve(root, 'content/cases')) {
  throw new Error('refusing to write into content/cases itself: pass a subfolder such as content/cases/generated');
}

/** mulberry32: small, fast and deterministic, so a failing build can be reproduced by its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(Number(values.seed));
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
/** Natural persons appear only masked (DOMAIN.md §8). */
const masked = () => `${pick(surnames)}某某`;
const trades = ['建筑劳务', '餐饮管理', '物流', '物业服务', '商贸', '科技', '保安服务', '家政服务', '服装加工', '酒店管理'];
const brands = ['恒安', '瑞丰', '嘉禾', '盛通', '华宇', '鑫源', '博远', '正和', '立信', '同创', '安泰', '远航'];

/** What each category is about: the facts, the provisions and the usual outcome. */
const templates: Record<CaseCategory, (n: number) => { facts: string; basis: string; outcome: string; fine?: number; wages?: number }> = {
  拖欠工资: (n) => {
    const wages = between(5, 120) * 10_000;
    return {
      facts: `拖欠${n}名劳动者工资共计${wages / 10_000}万元`,
      basis: '《劳动保障监察条例》第二十六条、《保障农民工工资支付条例》',
      outcome: `责令限期支付拖欠工资${wages / 10_000}万元，已全额支付`,
      wages,
    };
  },
  未签劳动合同: (n) => ({
    facts: `未与${n}名劳动者订立书面劳动合同`,
    basis: '《劳动保障监察条例》第二十四条',
    outcome: `责令限期改正，已补签劳动合同${n}份`,
  }),
  违法延长工时: (n) => {
    const fine = n * between(1, 5) * 100;
    return {
      facts: `安排${n}名劳动者每月延长工作时间超过36小时`,
      basis: '《中华人民共和国劳动法》第九十条、《劳动保障监察条例》第二十五条',
      outcome: `警告，责令限期改正，处罚款${fine}元`,
      fine,
    };
  },
  社会保险: (n) => {
    const fine = between(2, 30) * 10_000;
    return {
      facts: `申报社会保险费时瞒报${n}名职工的工资总额`,
      basis: '《劳动保障监察条例》第二十七条',
      outcome: `责令改正，处罚款${fine / 10_000}万元`,
      fine,
    };
  },
  使用童工: (n) => {
    const fine = Math.min(n, 3) * 5000 * between(1, 3);
    return {
      facts: `使用${Math.min(n, 3)}名未满16周岁的未成年人`,
      basis: '《禁止使用童工规定》第六条',
      outcome: `责令立即改正，处罚款${fine}元`,
      fine,
    };
  },
  其他: (n) => {
    const fine = between(2, 20) * 1000;
    return {
      facts: `拒不按要求报送涉及${n}名劳动者的工资支付材料`,
      basis: '《劳动保障监察条例》第三十条',
      outcome: `责令改正，处罚款${fine}元`,
      fine,
    };
  },
};

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const start = Date.UTC(2025, 0, 1);
const end = Date.UTC(2026, 10, 20);
const yaml = (value: string) => JSON.stringify(value); // JSON strings are valid YAML scalars.

mkdirSync(out, { recursive: true });
for (let i = 1; i <= count; i++) {
  const category = caseCategoryNames[(i - 1) % caseCategoryNames.length]!;
  const code = pick(districtCodes);
  const district = districts[code];
  const workers = between(3, 80);
  const t = templates[category](workers);
  const named = rand() < 0.5;
  const name = `北京${pick(brands)}演示${pick(trades)}有限公司`;
  const first17 = `91${code}DEMB${String(i).padStart(5, '0')}`;
  const enterprise = named ? { name, uscc: first17 + usccCheckCharacter(first17)! } : undefined;
  const party = enterprise ? enterprise.name : `${district}某${pick(trades)}企业`;
  const date = isoDate(new Date(start + Math.floor(rand() * (end - start))));
  const data: CaseData = {
    title: `${party}${t.facts}被查处（生成案例 ${i}）`,
    date,
    category,
    district,
    ...(enterprise ? { enterprise } : {}),
    outcome: t.outcome,
    ...(t.fine !== undefined ? { fineYuan: t.fine } : {}),
    ...(t.wages !== undefined ? { wagesRecoveredYuan: t.wages } : {}),
    tags: ['生成数据', category],
    summary: `${party}${t.facts}，${t.outcome}。`,
    demo: true,
  };
  const checked = caseSchema.parse(data);
  const frontmatter = [
    `title: ${yaml(checked.title)}`,
    `date: '${checked.date}'`,
    `category: ${checked.category}`,
    `district: ${checked.district}`,
    ...(checked.enterprise ? ['enterprise:', `  name: ${yaml(checked.enterprise.name)}`, `  uscc: ${checked.enterprise.uscc}`] : []),
    `outcome: ${yaml(checked.outcome)}`,
    ...(checked.fineYuan !== undefined ? [`fineYuan: ${checked.fineYuan}`] : []),
    ...(checked.wagesRecoveredYuan !== undefined ? [`wagesRecoveredYuan: ${checked.wagesRecoveredYuan}`] : []),
    `tags: [${checked.tags.map(yaml).join(', ')}]`,
    `summary: ${yaml(checked.summary)}`,
    'demo: true',
  ].join('\n');
  const body = `## 基本案情

${date.slice(0, 4)}年，${district}人力资源和社会保障局接到${masked()}等劳动者投诉，经调查，${party}${t.facts}。

## 查处情况

${district}人力资源和社会保障局依据${t.basis}，${t.outcome}。

## 典型意义

本案为生成的演示案例，用于测试站点在大量案例下的构建表现。
`;
  writeFileSync(join(out, `generated-case-${String(i).padStart(5, '0')}.md`), `---\n${frontmatter}\n---\n\n${body}`);
}
console.log(`wrote ${count} cases to ${out}`);

// 双随机、一公开 (DOMAIN.md §7): the 随机抽查事项清单, the year's tasks around the "as of" date,
// whom the 重点检查 tasks chose, and what an inspection found. A 重点检查 choice is decided per
// (task, employer) from a hash, so the task counts (a pre-pass) and the results (the main pass)
// agree without holding any list; random tasks are drawn by scripts/seed/draws.ts.
import type { samplingItems, samplingResults, samplingTasks } from '../../functions/db/schema.ts';
import { districtName } from '../../functions/domain/districts.ts';
import { formatChineseDate } from '../../functions/domain/dates.ts';
import { MUNICIPAL_BUREAU, districtBureau } from '../../functions/domain/authorities.ts';
import { createRng, unitHash, type Rng } from './prng.ts';
import { randomDate, shiftDays, yearOf } from './days.ts';
import { CONSTRUCTION_INDUSTRIES } from './vocabulary.ts';
import { latestRegistration, type CreditClass, type EnterpriseDraft } from './enterprise-identity.ts';

export type SamplingItemRow = typeof samplingItems.$inferInsert;
export type SamplingTaskRow = typeof samplingTasks.$inferInsert;
export type SamplingResultRow = typeof samplingResults.$inferInsert;
export type ResultCategory = SamplingResultRow['result'];

const STREAM_DRAW = 201;
const STREAM_RESULT = 202;
const STREAM_TASK_SEED = 203;

export const samplingItemRows: readonly SamplingItemRow[] = [
  {
    id: 'SX-01',
    category: '劳动保障监察',
    name: '用人单位遵守工资支付规定情况的检查',
    target: '本市行政区域内的用人单位',
    itemType: '一般',
    method: '实地检查、书面审查',
    ratioAndFrequency: '按信用等级确定抽查比例（A级不高于3%，B级10%，C级30%），每年不少于5%，每年至少一次',
    authorityAndLevel: '市、区人力资源和社会保障局（市级、区级）',
    basis: '《劳动保障监察条例》第十一条第（五）项；《保障农民工工资支付条例》第四十二条',
  },
  {
    id: 'SX-02',
    category: '劳动保障监察',
    name: '用人单位订立和履行劳动合同情况的检查',
    target: '本市行政区域内的用人单位',
    itemType: '一般',
    method: '书面审查、实地检查',
    ratioAndFrequency: '按信用等级确定抽查比例，每年不少于5%，每年至少一次',
    authorityAndLevel: '区人力资源和社会保障局（区级）',
    basis: '《劳动保障监察条例》第十一条第（二）项；《中华人民共和国劳动合同法》第七十四条',
  },
  {
    id: 'SX-03',
    category: '劳动保障监察',
    name: '用人单位遵守工作时间和休息休假规定情况的检查',
    target: '本市行政区域内的用人单位',
    itemType: '一般',
    method: '实地检查、书面审查',
    ratioAndFrequency: '按信用等级确定抽查比例，每年不少于5%，每年至少一次',
    authorityAndLevel: '市、区人力资源和社会保障局（市级、区级）',
    basis: '《劳动保障监察条例》第十一条第（四）项；《中华人民共和国劳动法》第四十一条',
  },
  {
    id: 'SX-04',
    category: '劳动保障监察',
    name: '用人单位参加各项社会保险和缴纳社会保险费情况的检查',
    target: '本市行政区域内的用人单位',
    itemType: '一般',
    method: '书面审查、网络监测',
    ratioAndFrequency: '按信用等级确定抽查比例，每年不少于5%，每年至少一次',
    authorityAndLevel: '市、区人力资源和社会保障局（市级、区级）',
    basis: '《劳动保障监察条例》第十一条第（七）项；《中华人民共和国社会保险法》第七十七条',
  },
  {
    id: 'SX-05',
    category: '劳动保障监察',
    name: '用人单位遵守禁止使用童工规定情况的检查',
    target: '本市行政区域内的用人单位，餐饮、制造、商贸等行业为重点',
    itemType: '重点',
    method: '实地检查',
    ratioAndFrequency: '按信用等级确定抽查比例，每年不少于10%，每年至少一次',
    authorityAndLevel: '区人力资源和社会保障局（区级）',
    basis: '《劳动保障监察条例》第十一条第（三）项；《禁止使用童工规定》第十三条',
  },
  {
    id: 'SX-06',
    category: '人力资源市场监管',
    name: '人力资源服务机构和劳务派遣单位经营情况的检查',
    target: '本市取得人力资源服务许可或劳务派遣经营许可的单位',
    itemType: '一般',
    method: '书面审查、实地检查',
    ratioAndFrequency: '每年抽查比例不少于5%，每年至少一次',
    authorityAndLevel: '市、区人力资源和社会保障局（市级、区级）',
    basis: '《人力资源市场暂行条例》第三十五条；《劳务派遣行政许可实施办法》第二十七条',
  },
  {
    id: 'SX-07',
    category: '劳动保障监察',
    name: '工程建设领域农民工工资支付保障制度落实情况的检查',
    target: '本市在建工程项目的施工总承包单位和分包单位',
    itemType: '重点',
    method: '实地检查、书面审查',
    ratioAndFrequency: '在建项目全覆盖检查，每年至少一次集中专项检查',
    authorityAndLevel: '市、区人力资源和社会保障局（市级、区级）',
    basis: '《保障农民工工资支付条例》第四十二条、第五十五条',
  },
];

/** Tasks drawn with the one draw algorithm (scripts/seed/draws.ts runs them against the written data). */
export type RandomTaskKey = 'wagesPrevious' | 'contractsPrevious' | 'wagesCurrent' | 'childLabourCurrent' | 'hoursRecent' | 'agenciesNext';
/** 重点检查: staff choose the employers, so the generator does, and scripts showcase outcomes in them. */
export type TargetedTaskKey = 'insurancePrevious' | 'winterPrevious';
export type TaskKey = RandomTaskKey | TargetedTaskKey;

type Ratios = { A: number; B: number; C: number; none: number };
type Scope = { districts: string[]; industries: string[] };

/** Basis points per stratum (DOMAIN.md §5: typical A ≤ 5 %, B 5–20 %, C 20–60 %). */
const STANDARD: Ratios = { A: 300, B: 1000, C: 3000, none: 500 };
const LIGHT: Ratios = { A: 200, B: 800, C: 2500, none: 400 };
const KEY_ITEM: Ratios = { A: 500, B: 1500, C: 4000, none: 800 };
const TARGETED: Ratios = { A: 500, B: 3000, C: 10000, none: 1000 };
/** A city-wide 专项检查 aimed at B and C employers and at those no longer operating. */
const SPECIAL_CAMPAIGN: Ratios = { A: 100, B: 1000, C: 5000, none: 300 };

/**
 * Above this many enterprises a demo draw narrows its district to one industry. The seeder has no
 * R2, so each record must stay inline (INLINE_DRAW_LIMIT, some 40,000 codes), and Node signs about
 * 25,000 codes a second: the largest district, 朝阳 (a fifth of all employers), holds some 18,000
 * graded active ones at 100,000 enterprises, and one industry of a district (under 1 % of all)
 * stays below 20,000 up to the 2.2 million the generator allows.
 */
export const NARROW_DRAWS_ABOVE = 100_000;

interface TaskSpec {
  key: TaskKey;
  /** What is checked, after the scope's own words (海淀区 …, 海淀区批发业 …). */
  title: string;
  itemId: string;
  kind: 'random' | 'targeted';
  authority: string;
  scope: Scope;
  ratios: Ratios;
  planPublishedOn: string;
  drawnOn: string;
  inspectFrom: string;
  inspectTo: string;
}

export interface TaskPlan extends Omit<TaskSpec, 'ratios'> {
  /** Position in the plan, the PRNG key of the task's draws. */
  index: number;
  id: string;
  name: string;
  year: number;
  status: 'planned' | 'drawn' | 'inspecting' | 'completed';
  /** The strata are exactly the grades given a ratio (functions/domain/draw.ts). */
  ratios: Partial<Ratios>;
}

const ALL: Scope = { districts: [], industries: [] };

/**
 * Last year's tasks are all completed; this year's follow the calendar up to the "as of" date,
 * one is inspecting around it and one is announced but not drawn yet, whatever the date. Random
 * tasks cover one district, or one industry of it at scale (NARROW_DRAWS_ABOVE); two of each year
 * share a scope, so the later draw shows the yearly cap excluding employers the earlier inspected.
 */
function taskSpecs(today: string, enterprises: number): TaskSpec[] {
  const p = yearOf(today) - 1;
  const y = yearOf(today);
  const around = (days: number) => shiftDays(today, days);
  const district = (code: string, industry: string) => ({
    authority: districtBureau(code),
    scope: { districts: [code], industries: enterprises > NARROW_DRAWS_ABOVE ? [industry] : [] },
  });
  return [
    {
      key: 'wagesPrevious',
      title: '用人单位工资支付情况双随机抽查',
      itemId: 'SX-01',
      kind: 'random',
      ...district('110108', '批发业'),
      ratios: STANDARD,
      planPublishedOn: `${p}-03-02`,
      drawnOn: `${p}-03-16`,
      inspectFrom: `${p}-04-01`,
      inspectTo: `${p}-06-30`,
    },
    {
      key: 'contractsPrevious',
      title: '劳动合同订立和履行情况双随机抽查',
      itemId: 'SX-02',
      kind: 'random',
      ...district('110108', '批发业'),
      ratios: LIGHT,
      planPublishedOn: `${p}-06-10`,
      drawnOn: `${p}-06-20`,
      inspectFrom: `${p}-07-01`,
      inspectTo: `${p}-09-30`,
    },
    {
      key: 'insurancePrevious',
      title: '用人单位参加社会保险情况专项检查',
      itemId: 'SX-04',
      kind: 'targeted',
      authority: MUNICIPAL_BUREAU,
      scope: ALL,
      ratios: SPECIAL_CAMPAIGN,
      planPublishedOn: `${p}-08-25`,
      drawnOn: `${p}-09-08`,
      inspectFrom: `${p}-09-15`,
      inspectTo: `${p}-11-30`,
    },
    {
      key: 'winterPrevious',
      title: '根治欠薪冬季专项行动重点检查（工程建设领域）',
      itemId: 'SX-07',
      kind: 'targeted',
      authority: MUNICIPAL_BUREAU,
      scope: { districts: [], industries: [...CONSTRUCTION_INDUSTRIES] },
      ratios: TARGETED,
      planPublishedOn: `${p}-11-05`,
      drawnOn: `${p}-11-12`,
      inspectFrom: `${p}-11-15`,
      inspectTo: `${p}-12-31`,
    },
    {
      key: 'wagesCurrent',
      title: '用人单位工资支付情况双随机抽查',
      itemId: 'SX-01',
      kind: 'random',
      ...district('110105', '居民服务业'),
      ratios: STANDARD,
      planPublishedOn: `${y}-03-02`,
      drawnOn: `${y}-03-16`,
      inspectFrom: `${y}-04-01`,
      inspectTo: `${y}-06-30`,
    },
    {
      key: 'childLabourCurrent',
      title: '禁止使用童工规定执行情况双随机抽查',
      itemId: 'SX-05',
      kind: 'random',
      ...district('110108', '餐饮业'),
      ratios: KEY_ITEM,
      planPublishedOn: `${y}-05-20`,
      drawnOn: `${y}-06-01`,
      inspectFrom: `${y}-06-10`,
      inspectTo: `${y}-09-30`,
    },
    {
      key: 'hoursRecent',
      title: '工作时间和休息休假规定执行情况双随机抽查',
      itemId: 'SX-03',
      kind: 'random',
      ...district('110105', '居民服务业'),
      ratios: LIGHT,
      planPublishedOn: around(-60),
      drawnOn: around(-45),
      inspectFrom: around(-40),
      inspectTo: around(35),
    },
    {
      key: 'agenciesNext',
      title: '人力资源服务机构和劳务派遣单位双随机抽查',
      itemId: 'SX-06',
      kind: 'random',
      authority: MUNICIPAL_BUREAU,
      scope: { districts: [], industries: ['商务服务业'] },
      ratios: STANDARD,
      planPublishedOn: around(-7),
      drawnOn: around(14),
      inspectFrom: around(21),
      inspectTo: around(100),
    },
  ];
}

function statusOn(spec: TaskSpec, today: string): TaskPlan['status'] {
  if (today < spec.drawnOn) return 'planned';
  if (today < spec.inspectFrom) return 'drawn';
  return today <= spec.inspectTo ? 'inspecting' : 'completed';
}

/**
 * The pool of a draw is the data as it stands (functions/db/queries/sampling-draw.ts), and the
 * seeder draws last year's tasks against today's data. Ungraded employers are newcomers registered
 * up to latestRegistration(today), so a task drawn before that date leaves the ungraded stratum
 * out: its pool would otherwise hold employers that did not exist yet on the day of the draw.
 */
function drawnRatios(spec: TaskSpec, today: string): Partial<Ratios> {
  if (spec.kind !== 'random' || spec.drawnOn >= latestRegistration(today)) return spec.ratios;
  const { none: _ungraded, ...graded } = spec.ratios;
  return graded;
}

function scopeWords(scope: Scope): string {
  return scope.districts.map(districtName).join('、') + scope.industries.join('、');
}

/** Task ids read 任务编号-like, numbered within the year of the draw: SJ-2026-03 (random), ZD-2025-01 (重点). */
export function planTasks(today: string, enterprises: number): TaskPlan[] {
  const perYear = new Map<string, number>();
  return taskSpecs(today, enterprises).map((spec, index) => {
    const year = yearOf(spec.drawnOn);
    const prefix = spec.kind === 'random' ? 'SJ' : 'ZD';
    const n = (perYear.get(`${prefix}${year}`) ?? 0) + 1;
    perYear.set(`${prefix}${year}`, n);
    // A district bureau's task names its scope; city-wide ones need no words for it.
    const words = spec.kind === 'random' && spec.scope.districts.length > 0 ? scopeWords(spec.scope) : '';
    return {
      ...spec,
      index,
      id: `${prefix}-${year}-${String(n).padStart(2, '0')}`,
      name: `${year}年度${words}${spec.title}`,
      year,
      status: statusOn(spec, today),
      ratios: drawnRatios(spec, today),
    };
  });
}

/** The 32-byte secret seed of a random draw as hex, from the PRNG so that a seed run is reproducible. */
export function taskSeed(seed: number, task: TaskPlan): string {
  const rng = createRng(seed, STREAM_TASK_SEED, task.index);
  return Array.from({ length: 32 }, () => rng.int(256).toString(16).padStart(2, '0')).join('');
}

/**
 * A random task comes out as staff leave it before the draw, with its secret seed; the seeder's
 * Node side (scripts/seed/draws.ts) publishes the commitment and runs the draw the way the Worker
 * does, so status, counts and the record are filled in there.
 */
export function taskRow(seed: number, task: TaskPlan, counts: { candidates: number; selected: number }): SamplingTaskRow {
  const random = task.kind === 'random';
  const drawn = !random && task.status !== 'planned';
  return {
    id: task.id,
    name: task.name,
    year: task.year,
    itemId: task.itemId,
    kind: task.kind,
    status: random ? 'planned' : task.status,
    authority: task.authority,
    scope: task.scope,
    ratios: task.ratios,
    planPublishedOn: task.planPublishedOn,
    drawnOn: task.drawnOn,
    inspectFrom: task.inspectFrom,
    inspectTo: task.inspectTo,
    // A 重点检查 is chosen by staff, not drawn, so it has no seed to commit to.
    seed: random ? taskSeed(seed, task) : null,
    seedCommitment: null,
    beacon: null,
    draw: null,
    candidateCount: drawn ? counts.candidates : null,
    selectedCount: drawn ? counts.selected : null,
  };
}

/** A scripted outcome for a showcase employer in a 重点检查: a random draw cannot be scripted. */
export interface ForcedSelection {
  task: TargetedTaskKey;
  result: ResultCategory;
}

export interface TaskDraw {
  task: TaskPlan;
  /** Scripted outcome, for showcase employers only. */
  forced?: ResultCategory;
}

const inScope = (task: TaskPlan, e: EnterpriseDraft) =>
  (task.scope.districts.length === 0 || task.scope.districts.includes(e.districtCode)) &&
  (task.scope.industries.length === 0 || task.scope.industries.includes(e.industry));

/**
 * The 重点检查 tasks an employer was a candidate for and the ones it was chosen in, decided per
 * (task, employer) from a hash with the ratio of the class it is generated towards. Random tasks
 * are not decided here: their selection is the draw's.
 */
export function drawsFor(
  seed: number,
  tasks: readonly TaskPlan[],
  e: EnterpriseDraft,
  forced: readonly ForcedSelection[] | undefined,
): { candidateOf: TaskPlan[]; drawnIn: TaskDraw[] } {
  const candidateOf: TaskPlan[] = [];
  const drawnIn: TaskDraw[] = [];
  for (const task of tasks) {
    if (task.kind !== 'targeted' || task.status === 'planned' || e.registeredOn > task.drawnOn || !inScope(task, e)) continue;
    candidateOf.push(task);
    const scripted = forced?.find((f) => f.task === task.key)?.result;
    const drawn = forced ? scripted !== undefined : unitHash(seed, STREAM_DRAW, task.index, e.id) * 10_000 < (task.ratios[e.cls] ?? 0);
    if (drawn) drawnIn.push(scripted ? { task, forced: scripted } : { task });
  }
  return { candidateOf, drawnIn };
}

const RESULT_WEIGHTS: Record<CreditClass, readonly (readonly [ResultCategory, number])[]> = {
  A: [
    ['未发现问题', 95],
    ['发现问题已责令改正', 4],
    ['其他', 1],
  ],
  B: [
    ['未发现问题', 75],
    ['发现问题已责令改正', 18],
    ['发现问题已立案查处', 5],
    ['查无下落', 2],
  ],
  C: [
    ['未发现问题', 50],
    ['发现问题已责令改正', 25],
    ['发现问题已立案查处', 17],
    ['查无下落', 4],
    ['不予配合', 4],
  ],
  none: [
    ['未发现问题', 80],
    ['发现问题已责令改正', 12],
    ['查无下落', 6],
    ['其他', 2],
  ],
};

function followUp(result: ResultCategory, inspectedOn: string, rng: Rng): string | null {
  switch (result) {
    case '未发现问题':
      return null;
    case '发现问题已责令改正':
      return `已下达《劳动保障监察责令改正指令书》，单位已于${formatChineseDate(shiftDays(inspectedOn, rng.between(5, 20)))}整改完毕`;
    case '发现问题已立案查处':
      return '已依法立案调查，处理结果另行公示';
    case '查无下落':
      return '已提请市场监督管理部门依法列入经营异常名录';
    case '不予配合':
      return '已依法立案查处，并列入重点监管对象';
    case '已注销或吊销':
      return '该单位已注销或被吊销营业执照，终止检查';
    case '其他':
      return '该单位已迁出本区，已移交迁入地人力资源和社会保障部门继续核查';
  }
}

/**
 * The published result of one inspection, or null while the employer has not been inspected
 * yet. Results are published within 20 working days (about four weeks); a result not yet due
 * on the "as of" date has no publication date.
 */
export function inspect(seed: number, today: string, draw: TaskDraw, e: EnterpriseDraft): SamplingResultRow | null {
  const { task } = draw;
  const rng = createRng(seed, STREAM_RESULT, task.index, e.id);
  const inspectedOn = randomDate(rng, { from: task.inspectFrom, to: task.inspectTo })!;
  if (inspectedOn >= today) return null;
  const result = draw.forced ?? (e.status === 'active' ? rng.weighted(RESULT_WEIGHTS[e.cls]) : ('已注销或吊销' satisfies ResultCategory));
  const publishedOn = shiftDays(inspectedOn, rng.between(7, 26));
  return {
    taskId: task.id,
    uscc: e.uscc,
    enterpriseName: e.name,
    address: e.address,
    districtCode: e.districtCode,
    method: rng.weighted<SamplingResultRow['method']>([
      ['实地', 65],
      ['书面', 30],
      ['网络监测', 5],
    ]),
    inspectedOn,
    result,
    followUp: followUp(result, inspectedOn, rng),
    // Municipal tasks are carried out by the district bureau where the employer is registered.
    authority: task.authority === MUNICIPAL_BUREAU ? districtBureau(e.districtCode) : task.authority,
    publishedOn: publishedOn <= today ? publishedOn : null,
  };
}

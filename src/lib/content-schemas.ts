// Schemas of the editorial content in content/ (typical cases and the enforcement lists).
// Plain zod, not 'astro:content', so the unit tests can validate every file with the very
// schema the build uses; astro/zod re-exports this same zod (v4) instance.
// Imports name their .ts files so that plain Node (scripts/generate-cases.ts) can load this module too.
import { z } from 'zod';
import { isIsoDate } from '../../functions/domain/dates.ts';
import { districts } from '../../functions/domain/districts.ts';
import { parseUscc } from '../../functions/domain/uscc.ts';

const isoDate = z.string().refine(isIsoDate, { message: '日期须为真实存在的日期，格式 YYYY-MM-DD（YAML 中请加引号）' });

const text = z.string().trim().min(1);

export const districtNames = Object.values(districts) as [string, ...string[]];

/** Case categories with the ASCII path segment of their filter page (/cases/category/{slug}). */
export const caseCategories = {
  拖欠工资: 'wage-arrears',
  未签劳动合同: 'no-contract',
  违法延长工时: 'overtime',
  社会保险: 'social-insurance',
  使用童工: 'child-labour',
  其他: 'other',
} as const;
export type CaseCategory = keyof typeof caseCategories;
export const caseCategoryNames = Object.keys(caseCategories) as [CaseCategory, ...CaseCategory[]];

/** A named enterprise must carry a code whose check character matches: a typo would link to someone else. */
const validUscc = z.string().refine(
  (value) => {
    const parsed = parseUscc(value);
    return parsed.ok && parsed.kind === 'uscc' && parsed.checkValid && parsed.code === value;
  },
  { message: '统一社会信用代码须为 18 位规范写法且校验位正确' },
);

export const caseSchema = z.strictObject({
  title: text,
  date: isoDate,
  category: z.enum(caseCategoryNames),
  district: z.enum(districtNames),
  /** Only when the decision names the employer. */
  enterprise: z.strictObject({ name: text, uscc: validUscc }).optional(),
  outcome: text,
  fineYuan: z.number().nonnegative().optional(),
  wagesRecoveredYuan: z.number().nonnegative().optional(),
  tags: z.array(text).default([]),
  /** Used for the list, the feed and og:description, so it stays short. */
  summary: text.max(200),
  demo: z.boolean(),
});
export type CaseData = z.infer<typeof caseSchema>;

/** One flat namespace for case URLs: the file name, whatever folder the file sits in. */
export function caseSlug(entryPath: string): string {
  return entryPath.replace(/\\/g, '/').split('/').pop()!.replace(/\.md$/i, '');
}

/** Slugs become /cases/{slug}; they must never look like a list page (page/2, year/2026) or need escaping. */
export const caseSlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// ── Lists (content/lists/*.yaml): one document per list, with the date it was last revised. ──

const listMeta = {
  title: text,
  updated: isoDate,
  description: text.optional(),
  demo: z.boolean(),
};

const id = z.string().regex(/^[a-z0-9-]+$/, 'id 只用小写字母、数字和连字符');

/** Fails when two items share an id, so anchors (#id) stay unique on the page. */
function uniqueIds<T extends { id: string }>(items: T[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `重复的 id：${item.id}` });
    seen.add(item.id);
  }
}

export const authorityLevels = ['市级', '区级'] as const;

/** 执法主体: who enforces, and what each level is responsible for, may do, and on what basis. */
export const authoritiesSchema = z
  .strictObject({
    ...listMeta,
    levels: z
      .array(
        z.strictObject({
          level: z.enum(authorityLevels),
          duties: z.array(text).min(1),
          powers: z.array(text).min(1),
          basis: z.array(text).min(1),
        }),
      )
      .length(authorityLevels.length),
    bodies: z
      .array(
        z.strictObject({
          name: text,
          level: z.enum(authorityLevels),
          /** The unit that carries out inspections (总队/大队), named on officers' certificates. */
          unit: text,
          area: text,
        }),
      )
      .min(1),
  })
  .superRefine((doc, ctx) => {
    const levels = new Set(doc.levels.map((l) => l.level));
    if (levels.size !== authorityLevels.length) ctx.addIssue({ code: 'custom', path: ['levels'], message: '市级、区级各一条' });
  });

/** The fixed order of an administrative-penalty case (DOMAIN.md §8, 程序). */
export const procedureStepNames = ['立案', '调查取证', '告知', '听证', '决定', '送达', '执行'] as const;

export const procedureSchema = z.strictObject({
  ...listMeta,
  steps: z
    .array(
      z.strictObject({
        name: text,
        description: text,
        /** Only in some cases (听证 on request for heavier penalties). */
        conditional: text.optional(),
        timeLimit: text.optional(),
      }),
    )
    .refine((steps) => steps.map((s) => s.name).join('→') === procedureStepNames.join('→'), {
      message: `步骤须依次为 ${procedureStepNames.join('→')}`,
    }),
  remedies: z.array(z.strictObject({ name: text, timeLimit: text, body: text, description: text })).min(2),
});

/** 事中事后监管事项目录清单: the ten fields every item carries. */
export const catalogueFieldLabels = {
  matter: '监管事项',
  subject: '监管主体',
  target: '监管对象',
  measures: '监管措施',
  basis: '监管依据',
  method: '监管方式',
  process: '监管流程',
  result: '监管结果',
  level: '监管层级',
  forms: '检查表单',
} as const;

export const catalogueSchema = z.strictObject({
  ...listMeta,
  items: z
    .array(
      z.strictObject({
        id,
        matter: text,
        subject: text,
        target: text,
        measures: z.array(text).min(1),
        basis: z.array(text).min(1),
        method: text,
        process: z.array(text).min(1),
        result: text,
        level: text,
        forms: z.array(text).min(1),
      }),
    )
    .min(1)
    .superRefine(uniqueIds),
});

/** 一案三书: the three documents of a no-penalty outcome, always in this order. */
export const oneCaseThreeDocuments = ['守法诚信承诺书', '劳动保障监察建议书', '不予行政处罚决定书'] as const;

export const noPenaltySchema = z.strictObject({
  ...listMeta,
  documents: z
    .array(z.strictObject({ name: text, description: text }))
    .refine((docs) => docs.map((d) => d.name).join() === oneCaseThreeDocuments.join(), {
      message: `一案三书须依次为 ${oneCaseThreeDocuments.join('、')}`,
    }),
  items: z
    .array(
      z.strictObject({
        id,
        behaviour: text,
        /** The provision broken and the one that would otherwise set the penalty. */
        basis: z.array(text).min(1),
        conditions: z.array(text).min(1),
      }),
    )
    .min(1)
    .superRefine(uniqueIds),
});

export const discretionDegrees = ['轻微', '一般', '严重'] as const;

export const discretionSchema = z.strictObject({
  ...listMeta,
  items: z
    .array(
      z.strictObject({
        id,
        violation: text,
        basis: z.array(text).min(1),
        levels: z
          .array(z.strictObject({ degree: z.enum(discretionDegrees), circumstances: text, penalty: text }))
          .refine((levels) => levels.map((l) => l.degree).join() === discretionDegrees.join(), {
            message: `情节须依次为 ${discretionDegrees.join('、')}`,
          }),
      }),
    )
    .min(1)
    .superRefine(uniqueIds),
});

/** Each list file and its schema; content.config.ts and the tests both read this table. */
export const listSchemas = {
  authorities: authoritiesSchema,
  procedure: procedureSchema,
  catalogue: catalogueSchema,
  'no-penalty': noPenaltySchema,
  discretion: discretionSchema,
} as const;
export type ListName = keyof typeof listSchemas;

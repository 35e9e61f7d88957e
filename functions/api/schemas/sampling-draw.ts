// The published draw record (algorithm hmac-sha256-v1) as an OpenAPI schema. The shape is fixed
// by functions/domain/draw.ts (DrawRecord); the check at the end keeps the two from drifting apart.
import { z } from '@hono/zod-openapi';
import { DRAW_ALGORITHM, drawStrata, type DrawRecord } from '../../domain/draw';

const hex = (bytes: number, description: string) =>
  z
    .string()
    .regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`))
    .openapi({ description });

export const DrawStratumSchema = z
  .object({
    grade: z.enum(drawStrata).openapi({ description: '信用等级层；none = 未评价；complaint = 一年内有举报投诉立案的单位' }),
    ratioBp: z.number().int().min(0).max(10_000).openapi({ description: '抽查比例（基点，500 = 5%）' }),
    candidates: z.array(z.string()).openapi({ description: '冻结的候选池：统一社会信用代码按 ASCII 升序' }),
    poolHash: hex(32, 'hex(SHA-256(candidates 以 "\\n" 连接))'),
    selected: z.array(z.string()).openapi({ description: '按评分升序的前 k 个，k = ⌈ratioBp × n / 10000⌉' }),
  })
  .openapi('DrawStratum');

export const DrawRecordSchema = z
  .object({
    algorithm: z.literal(DRAW_ALGORITHM),
    taskId: z.string(),
    seed: hex(32, '抽取前保密的种子；SHA-256(seed) = seedCommitment'),
    beacon: z
      .string()
      .regex(/^[0-9a-f]+$/)
      .nullable()
      .openapi({ description: '抽取时记录的公共随机数（十六进制），没有为 null' }),
    drawKey: hex(32, 'SHA-256(seed ‖ beacon)，无 beacon 时即 seed'),
    seedCommitment: hex(32, '随计划公布的种子承诺值'),
    strata: z.array(DrawStratumSchema),
    exclusions: z
      .array(
        z.object({
          uscc: z.string(),
          grade: z.enum(drawStrata),
          inspections: z.number().int().openapi({ description: '本年度已检查次数' }),
          cap: z.number().int().openapi({ description: '适用的年度检查上限' }),
          reason: z.string(),
        }),
      )
      .openapi({ description: '因年度检查上限未进入候选池的单位及原因' }),
    inspectors: z
      .array(
        z.object({
          id: z.string(),
          conflicts: z.array(z.string()).openapi({ description: '需回避的单位（仅列本次抽中的单位）' }),
          yearlyCap: z.number().int().nullable(),
          load: z.number().int().openapi({ description: '抽取前本年度已选派次数' }),
        }),
      )
      .openapi({ description: '参与选派的在册执法人员' }),
    assignments: z.array(z.object({ uscc: z.string(), inspectorIds: z.tuple([z.string(), z.string()]) })),
  })
  .openapi('DrawRecord');

/** Fails to compile when the domain record and the documented schema drift apart. */
export const drawRecordShapeMatches: DrawRecord extends z.infer<typeof DrawRecordSchema> ? true : false = true;

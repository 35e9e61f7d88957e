import { z } from '@hono/zod-openapi';
import { changeTypes, recordKinds } from '../../domain/vocabulary';
import { RecordSchema } from './enterprise';

export const ChangeSchema = z
  .object({
    cursor: z.number().int().openapi({ description: '变更序号：全站唯一、单调递增；按它排序即变更发生的先后' }),
    at: z.string().openapi({ format: 'date-time' }),
    type: z.enum(changeTypes).openapi({
      description:
        'published 公示、corrected 更正（record 为更正后的内容）；withdrawn 撤销、repaired 信用修复终止公示、expired 公示期届满：' +
        '这三种为删除标记（tombstone），副本应删除该记录，reason 为原因',
    }),
    recordId: z.number().int(),
    uscc: z.string(),
    kind: z.enum(recordKinds),
    reason: z.string().nullable(),
    record: RecordSchema.nullable().openapi({
      description:
        '副本应保存的记录内容（flags 仅含 corrected，repair 为 null：是否有待办申请、可否申请修复以企业信用档案为准）；删除标记为 null',
    }),
  })
  .openapi('Change');

export const ChangePageSchema = z
  .object({
    items: z.array(ChangeSchema),
    next: z.number().int().openapi({ description: '下一页的 after；没有更多变更时等于本页的 after，稍后用它再次查询' }),
    hasMore: z.boolean(),
  })
  .openapi('ChangePage');

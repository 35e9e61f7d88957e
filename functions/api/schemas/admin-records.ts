// Credit records as staff see them (the inputs are functions/admin/record-input.ts).
import { z } from '@hono/zod-openapi';
import { createSchemaFactory } from 'drizzle-zod';
import { creditRecords } from '../../db/schema';

const { createSelectSchema } = createSchemaFactory({ zodInstance: z });

export const RecordIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, type: 'integer', example: 1 }),
});

/** Every column of the table but the internal ones, as the table types them, and the publication due date. */
export const StaffRecordSchema = createSelectSchema(creditRecords)
  .omit({ detail: true, samplingResultId: true, decisionNoKey: true })
  .extend({
    // A JSON column: drizzle-zod cannot see its type.
    penaltyTypes: z.array(z.string()).nullable(),
    enterpriseName: z.string().nullable(),
    publicationDue: z
      .string()
      .nullable()
      .openapi({ description: '行政处罚决定应在此日期前公开（决定后 7 个工作日）; drafts of penalties only' }),
    publicationLate: z.boolean(),
    maskedForPublic: z.object({ facts: z.string().nullable(), penaltyContent: z.string().nullable() }).nullable().openapi({
      description: 'What the public will read where masking names of natural persons changes the text; null when nothing changes',
    }),
  })
  .openapi('StaffRecord');

export const StaffRecordListSchema = z.object({
  items: z.array(StaffRecordSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

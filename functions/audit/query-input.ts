import { lineText, optionalDateQuery } from '../input/fields';
import { pageQuery } from '../input/paging';

const filterText = (name: string, max: number, description?: string) =>
  lineText()
    .trim()
    .max(max)
    .optional()
    .openapi({ param: { name, in: 'query' }, ...(description ? { description } : {}) });

export const AuditQuerySchema = pageQuery(50).extend({
  actor: filterText('actor', 200),
  target: filterText('target', 200, 'Prefix, e.g. `objection:` or `record:42`'),
  action: filterText('action', 100),
  from: optionalDateQuery('from', '开始日期'),
  to: optionalDateQuery('to', '结束日期'),
});

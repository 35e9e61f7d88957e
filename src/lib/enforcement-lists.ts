// The enforcement disclosures (content/lists/*.yaml): each collection holds one document.
import { getCollection } from 'astro:content';
import type { z } from 'zod';
import type { listSchemas } from './content-schemas';

type Schemas = typeof listSchemas;
/** Collection name → the document's type, straight from the schema (see case-collection.ts for why). */
type ListData = {
  authorities: z.infer<Schemas['authorities']>;
  procedure: z.infer<Schemas['procedure']>;
  catalogue: z.infer<Schemas['catalogue']>;
  noPenalty: z.infer<Schemas['no-penalty']>;
  discretion: z.infer<Schemas['discretion']>;
};

export async function readList<C extends keyof ListData>(collection: C): Promise<ListData[C]> {
  // The collections are built by a generic helper in content.config.ts, so Astro types their data
  // as unknown; the schema that validated it at build time is the one ListData is inferred from.
  const entries = (await getCollection(collection)) as unknown as { data: ListData[C] }[];
  // A missing or doubled file must stop the build rather than publish an empty list.
  if (entries.length !== 1) throw new Error(`content/lists: expected one ${collection} document, found ${entries.length}`);
  return entries[0]!.data;
}

/** The latest of several 最后更新 dates (ISO strings sort as dates). */
// biome-ignore lint/complexity/useMathMinMax: these are strings compared as text; Math.max would coerce them to NaN.
export const latest = (...dates: string[]) => dates.reduce((a, b) => (b > a ? b : a));

export const enforcementPages = {
  hub: { href: '/enforcement/', label: '行政执法公示' },
  catalogue: { href: '/enforcement/catalogue/', label: '事中事后监管事项目录清单' },
  noPenalty: { href: '/enforcement/no-penalty/', label: '轻微违法行为不予处罚清单' },
  discretion: { href: '/enforcement/discretion/', label: '行政处罚裁量基准' },
  // Rendered on demand from D1 (the draw's inspectors are the same people): no trailing slash.
  officers: { href: '/enforcement/officers', label: '行政执法人员名单' },
  // Built by others from D1; linked, not owned here.
  penalties: { href: '/enforcement/penalties', label: '行政处罚决定公开' },
  majorViolations: { href: '/enforcement/major-violations', label: '重大劳动保障违法行为社会公布' },
  wageArrears: { href: '/credit/lists/wage-arrears', label: '拖欠农民工工资失信联合惩戒对象名单' },
  sampling: { href: '/sampling', label: '“双随机、一公开”抽查' },
} as const;

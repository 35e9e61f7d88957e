// Editorial content kept as files that staff write and review (DESIGN.md). The schemas live in
// src/lib/content-schemas.ts so the unit tests check every file with exactly these rules.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { caseSchema, caseSlug, listSchemas, type ListName } from './lib/content-schemas';

const cases = defineCollection({
  loader: glob({
    pattern: '**/*.md',
    base: './content/cases',
    generateId: ({ entry }) => caseSlug(entry),
  }),
  schema: caseSchema,
});

/** Each list is one YAML document (title, updated, items…), so a collection holds one entry. */
function list<N extends ListName>(name: N) {
  return defineCollection({
    loader: glob({ pattern: `${name}.yaml`, base: './content/lists' }),
    schema: listSchemas[name],
  });
}

export const collections = {
  cases,
  authorities: list('authorities'),
  procedure: list('procedure'),
  catalogue: list('catalogue'),
  noPenalty: list('no-penalty'),
  discretion: list('discretion'),
};

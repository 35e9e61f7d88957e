// Reading and arranging the typical cases for the prerendered pages and the feed.
import { getCollection, type CollectionEntry } from 'astro:content';
import { caseCategories, type CaseCategory, type CaseData } from './content-schemas';

// Typed from the schema itself: the generated astro:content types lose to astro/client's untyped
// placeholders when src/env.d.ts is read before .astro/types.d.ts (tsconfig.json's include order).
export type CaseEntry = Omit<CollectionEntry<'cases'>, 'id' | 'data'> & { id: string; data: CaseData };

export const casesPerPage = 20;

/** Newest first; the slug breaks ties so the order never depends on the file system. */
export async function getCases(): Promise<CaseEntry[]> {
  const cases: CaseEntry[] = await getCollection('cases');
  return cases.sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
}

export const caseYear = (entry: CaseEntry) => Number(entry.data.date.slice(0, 4));

/** A list of cases: all of them, one category or one year. */
export type CaseListView = { kind: 'all' } | { kind: 'category'; category: CaseCategory } | { kind: 'year'; year: number };

/**
 * Where a list page sits below /cases: '' for all cases, category/{slug}, year/{year}; page 1 is the
 * list's own path (so links to it never change as cases are added), later pages add /page/{n}.
 */
export function listPath(view: CaseListView, page = 1): string {
  const base = view.kind === 'category' ? `category/${caseCategories[view.category]}` : view.kind === 'year' ? `year/${view.year}` : '';
  return page === 1 ? base : [base, 'page', String(page)].filter(Boolean).join('/');
}

// Prerendered pages are folders (…/index.html) that the asset server answers at a trailing slash;
// linking there directly saves every visitor a redirect.
export const listHref = (view: CaseListView, page = 1) => {
  const path = listPath(view, page);
  return path ? `/cases/${path}/` : '/cases/';
};
export const caseHref = (entry: CaseEntry) => `/cases/${entry.id}/`;
export const categoryHref = (category: CaseCategory) => listHref({ kind: 'category', category });
export const yearHref = (year: number) => listHref({ kind: 'year', year });

/** An empty list still gets its first page, so every filter link leads somewhere. */
export function toPages<T>(items: T[], size = casesPerPage): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

/** Fines and recovered wages are yuan in the files; formatYuan takes fen. */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);

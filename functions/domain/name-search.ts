// Enterprise names are indexed as overlapping character bigrams in a contentless FTS5 table
// (migration 0001). A substring of two or more characters is then a phrase of consecutive
// bigrams, which FTS5 answers from its index at any table size; SQLite's trigram tokenizer
// would not match two-character Chinese queries such as 科技.

/**
 * Characters that carry no meaning for matching (spaces, punctuation, brackets of 有限公司（北京）),
 * and controls and invisible format characters, which must never reach an FTS5 expression.
 */
const IGNORED = /[\s\p{P}\p{S}\p{C}]/gu;

/** Lower-cased characters of `text` with punctuation and spaces removed, by code point. */
export function searchCharacters(text: string): string[] {
  return Array.from(text.normalize('NFKC').toLowerCase().replace(IGNORED, ''));
}

/** "北京科技" → "北京 京科 科技". A one-character name is indexed as itself. */
export function nameBigrams(name: string): string {
  const chars = searchCharacters(name);
  if (chars.length < 2) return chars.join('');
  const grams: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams.join(' ');
}

/**
 * The FTS5 MATCH expression for a substring query, or null when the query has fewer than two
 * meaningful characters. Each bigram is quoted, so FTS5 operators in the input are inert.
 */
export function substringMatchExpression(query: string): string | null {
  const chars = searchCharacters(query);
  if (chars.length < 2) return null;
  return `"${nameBigrams(query).replaceAll('"', '""')}"`;
}

/** The row of the name index for one enterprise (migration 0001): rowid = enterprises.id. */
export function nameIndexRow(enterprise: { id: number; name: string; districtCode: string }) {
  return { rowid: enterprise.id, district: enterprise.districtCode, grams: nameBigrams(enterprise.name) };
}

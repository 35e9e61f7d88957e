// Text that people type — in forms, the API, imports — is cleaned here, once, before it is
// validated, stored, searched or shown: control characters would break SQL, FTS and HTTP headers,
// and invisible ones (bidi overrides such as U+202E, zero-width spaces) make a name or a
// statement read differently from what it is. Everything else is kept as typed.

/** C0 and C1 controls and DEL; tab, line feed and carriage return are handled separately. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Zero-width characters, bidi marks, embeddings, overrides and isolates, word joiners, BOM (ZWJ apart: see below). */
export const INVISIBLE = /[\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** The zero-width joiner, except inside an emoji sequence (👨‍👩‍👧), where it is what joins the picture. */
const STRAY_JOINER = /(?<!\p{Extended_Pictographic}\ufe0f?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
/** Unicode's own line and paragraph separators, which JSON and most screens do not treat as breaks. */
const SEPARATORS = /[\u2028\u2029]/g;

const withoutInvisible = (value: string) => value.replace(INVISIBLE, '').replace(STRAY_JOINER, '').replace(CONTROLS, '');

// Normalised last: a character removed from between a letter and its accent leaves a pair that
// only then composes, so that one name has one spelling.

/** One line (a name, a title, a query): controls and invisible characters removed, tabs and breaks become spaces. */
export function cleanLine(value: string): string {
  return withoutInvisible(value.replace(/[\t\r\n\u2028\u2029]/g, ' ')).normalize('NFC');
}

/** Prose (a statement, facts, a reason): the same, but line breaks are kept, as \n. */
export function cleanProse(value: string): string {
  return withoutInvisible(value.replace(/\r\n?/g, '\n').replace(SEPARATORS, '\n').replace(/\t/g, ' ')).normalize('NFC');
}

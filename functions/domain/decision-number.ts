// 决定书文号 as people type it from the letter in their hand (两书同达, DOMAIN.md §3): the brackets
// around the year come in many forms (〔〕 [] () （） ［］ 【】) and spaces come and go, so both the
// stored numbers and what is typed are compared by a key without them.

/** Characters that do not distinguish one decision number from another. */
export const DECISION_NO_IGNORED = [' ', '\u3000', '〔', '〕', '[', ']', '(', ')', '（', '）', '［', '］', '【', '】', '﹝', '﹞'] as const;

const escapeInClass = (c: string) => (/[\\\][^-]/.test(c) ? `\\${c}` : c);
const IGNORED = new RegExp(`[${DECISION_NO_IGNORED.map(escapeInClass).join('')}\\s]`, 'gu');

/** The comparison key: full-width letters and digits folded (NFKC), the ignored characters removed. */
export function decisionNoKey(input: string): string {
  return input.normalize('NFKC').replace(IGNORED, '');
}

/** The longest number anyone types; 京朝人社监罚字〔2026〕第 123 号 is about 20 characters. */
export const DECISION_NO_MAX = 60;

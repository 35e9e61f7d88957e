// File names people upload are shown to staff and stored: they may carry paths, control characters,
// characters Windows forbids, and invisible ones that make a name look like another (bidi
// overrides such as U+202E turn "gpj.exe" into "exe.jpg" on screen; zero-width spaces hide).

const UNSAFE = /[\u0000-\u001f\u007f<>:"|?*\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** The last path segment, NFKC-normalised, without unsafe or invisible characters, dots or spaces at the ends, at most `max` characters. */
export function cleanFileName(name: string, max = 80): string {
  return (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFKC')
    .replace(UNSAFE, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, max);
}

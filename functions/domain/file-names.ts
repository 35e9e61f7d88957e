// File names people upload are shown to staff and stored: they may carry paths, control characters,
// characters Windows forbids, and invisible ones that make a name look like another (bidi
// overrides such as U+202E turn "gpj.exe" into "exe.jpg" on screen; zero-width spaces hide).
import { cleanLine } from './text';

/** What Windows forbids in a name, beyond what cleanLine removes. */
const RESERVED = /[<>:"|?*]/g;

/** The last path segment, NFKC-normalised, without unsafe or invisible characters or dots and spaces at the ends, at most `max` long. */
export function cleanFileName(name: string, max = 80): string {
  return cleanLine(name.split(/[\\/]/).pop() ?? '')
    .normalize('NFKC')
    .replace(RESERVED, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, max);
}

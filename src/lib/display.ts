// The reader's display choice (适老化): standard, or large and high-contrast text.
export const DISPLAY_COOKIE = 'hrss_display';

/** Added to the standard styles when the reader chose large text: bigger type, darker text, thicker focus and links. */
export const LARGE_DISPLAY_CSS = `
html { font-size: 125%; }
:root { --ink: #000; --muted: #1b1b1b; --line: #595959; --link: #00347a; }
body { line-height: 1.75; }
a { text-decoration-thickness: 2px; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline-width: 4px; }
html .display-choice .display-choice-large { display: none; }
html .display-choice .display-choice-standard { display: inline-flex; }
`;

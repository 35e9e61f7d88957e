// CSV for people who open downloads in Excel: UTF-8 with a byte-order mark, CRLF rows,
// Chinese header row, and cells that would start a formula neutralised.

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const BOM = '\uFEFF';
const line = <T>(columns: CsvColumn<T>[], row: T) => `${columns.map((c) => cell(c.value(row))).join(',')}\r\n`;
const headerLine = <T>(columns: CsvColumn<T>[]) => `${BOM}${columns.map((c) => cell(c.header)).join(',')}\r\n`;

export function toCsv<T>(columns: CsvColumn<T>[], rows: Iterable<T>): string {
  let out = headerLine(columns);
  for (const row of rows) out += line(columns, row);
  return out;
}

/** The same CSV, produced while the rows are still being read. */
export function csvStream<T>(columns: CsvColumn<T>[], rows: AsyncIterable<T>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(headerLine(columns)));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(line(columns, next.value)));
    },
  });
}

export function csvResponse(body: string | ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachmentDisposition(fileName) },
  });
}

/** RFC 6266 / 5987: always a download, with an ASCII fallback name and the real (Chinese) one. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** `?format=csv` or an Accept header that prefers text/csv over JSON. */
export function wantsCsv(format: string | undefined, accept: string | undefined): boolean {
  if (format === 'csv') return true;
  if (format === 'json') return false;
  return !!accept && /(^|,)\s*text\/csv/i.test(accept) && !/(^|,)\s*application\/json/i.test(accept);
}

/** An Accept header that asks for JSON and not for CSV (the 双公示 export answers CSV otherwise). */
export function prefersJson(accept: string | undefined): boolean {
  return !!accept && /(^|,)\s*application\/json/i.test(accept) && !/(^|,)\s*text\/csv/i.test(accept);
}

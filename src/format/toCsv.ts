/**
 * CSV as spreadsheets read it safely: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order
 * mark, and a guard against formula injection — a cell that starts with `=`, `+`, `-`, `@`,
 * tab or carriage return is prefixed with `'` so no spreadsheet evaluates it.
 */

export type CsvValue = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-guarded, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  // Numbers are data, not formulas: -3 stays a number. Text that looks like a formula does not.
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A whole document: BOM, header row, then rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + csvLine(header) + rows.map(csvLine).join('');
}

export const CSV_BOM = BOM;

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a value starting with = + - @ (or a
 * tab or carriage return, which some spreadsheets skip before reading a formula) is prefixed
 * with ' so that it is shown as text and never run as a formula (OWASP "CSV injection").
 */
export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLine = (values: unknown[]) => `${values.map(csvCell).join(',')}\r\n`;

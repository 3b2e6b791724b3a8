/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote or
 * a line break. A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR at
 * the start) gets a leading apostrophe (OWASP "CSV injection"): reasons are designers' text.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: Array<string | number | null>): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

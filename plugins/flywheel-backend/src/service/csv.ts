/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula are
 * prefixed with a quote (CSV injection); plain numbers such as a negative
 * NPS are left as they are.
 */
export function toCsv(header: string[], rows: string[][]): string {
  const cell = (value: string) => {
    const safe =
      /^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value)
        ? `'${value}`
        : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [header, ...rows].map(r => r.map(cell).join(','));
  return lines.map(line => `${line}\r\n`).join('');
}

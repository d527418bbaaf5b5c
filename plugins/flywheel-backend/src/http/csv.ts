import type { Response } from 'express';

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

/**
 * Sends CSV text as a download. The typed OpenAPI router only knows JSON
 * bodies, so CSV goes out through express's own response.
 */
export function sendCsv(res: unknown, filename: string, csv: string): void {
  (res as Response).status(200).type('text/csv').attachment(filename).send(csv);
}

// cqlsh's vertical layout (EXPAND ON): for each row "@ Row N" (numbered across pages), a rule
// as wide as the page's widest column name and widest value, then one " name | value" line per
// column (names padded by display width, values not padded) and a blank line.

import { padEnd, type Formatted } from '../format/formatted.js';

export function formatExpandedBlock(headers: Formatted[], rows: Formatted[][], rowOffset: number, color: boolean): string {
  const nameWidth = Math.max(...headers.map((h) => h.width));
  const valueWidth = Math.max(...rows.flatMap((r) => r.map((v) => v.width)));
  const rule = `-${'-'.repeat(nameWidth)}-+-${'-'.repeat(valueWidth)}-\n`;
  let out = '';
  rows.forEach((row, i) => {
    out += `@ Row ${rowOffset + i + 1}\n` + rule;
    row.forEach((value, c) => {
      out += ` ${padEnd(headers[c], nameWidth, color)} | ${color ? value.colored : value.text}\n`;
    });
    out += '\n';
  });
  return out;
}

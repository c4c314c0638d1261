// A one-line CSV record whose quotes only enclose whole fields (no escapes, no doubled quotes, no
// line breaks): split with indexOf instead of CsvReader's character loop. Anything else is left
// to CsvReader (null), which reads it exactly as Python's csv module does.
import type { CsvDialect, CsvRecord } from './csv.js';

export function simpleQuotedRecord(line: string, d: CsvDialect): CsvRecord | null {
  const end = line.endsWith('\n') ? line.length - 1 : line.length;
  if (end === 0 || line.indexOf('\r') >= 0 || line.indexOf('\n') < end) return null;
  if (d.escape !== undefined && line.indexOf(d.escape) >= 0) return null;
  const q = d.quote;
  const sep = d.delimiter;
  const fields: string[] = [];
  const quoted: boolean[] = [];
  let pos = 0;
  for (;;) {
    if (line[pos] === q) {
      const close = line.indexOf(q, pos + 1);
      if (close < 0 || close >= end) return null;
      const after = close + 1;
      if (after < end && line[after] !== sep) return null; // "ab"c, or a doubled quote
      fields.push(line.slice(pos + 1, close));
      quoted.push(true);
      if (after >= end) break;
      pos = after + 1;
    } else {
      let next = line.indexOf(sep, pos);
      if (next < 0 || next > end) next = end;
      const f = line.slice(pos, next);
      if (f.indexOf(q) >= 0) return null;
      fields.push(f);
      quoted.push(false);
      if (next >= end) break;
      pos = next + 1;
    }
    if (pos >= end) {
      // a delimiter ends the line: one more, empty, field
      fields.push('');
      quoted.push(false);
      break;
    }
  }
  return { fields, quoted, raw: line };
}

// Every output format behind one interface (render/result.ts): a result streamed as begin, a page
// at a time, end gives what the whole-result renderers give; only the table pauses for ---MORE---.
import { describe, expect, it } from 'vitest';
import type { Column, CqlValue } from '../../src/cql/types.js';
import { OUTPUT_FORMATS } from '../../src/cql/vocabulary.js';
import { formatOptions } from '../../src/format/options.js';
import { rowFormatter } from '../../src/format/value.js';
import { renderCsv } from '../../src/render/csv.js';
import { renderJson } from '../../src/render/json.js';
import { resultRenderer, type RenderContext } from '../../src/render/result.js';

const columns = [
  { name: 'k', type: { kind: 'int' } },
  { name: 'v', type: { kind: 'text' } },
] as Column[];
const rows: CqlValue[][] = [
  [1, 'a'],
  [2, 'b,c'],
  [3, null],
];
const ctx = (tty: boolean): RenderContext => ({
  columns,
  tty,
  color: () => false,
  expanded: () => false,
  paged: () => true,
  formatRows: (r) => r.map(rowFormatter(columns, formatOptions({ color: false }))),
});

function stream(format: (typeof OUTPUT_FORMATS)[number], tty = false): { text: string; pauses: boolean[] } {
  const r = resultRenderer(format, ctx(tty));
  const pages = [rows.slice(0, 2), rows.slice(2)];
  let text = r.begin();
  const pauses: boolean[] = [];
  let offset = 0;
  pages.forEach((p, i) => {
    const page = { first: i === 0, last: i === pages.length - 1, offset, total: offset + p.length };
    text += r.rows(p, page);
    pauses.push(!page.last && r.pauses(page));
    if (page.last) text += r.end(page);
    offset += p.length;
  });
  return { text, pauses };
}

describe('result renderers', () => {
  it('stream CSV and JSON as the whole-result renderers write them', () => {
    expect(stream('csv').text).toBe(renderCsv(columns, rows));
    expect(stream('json').text).toBe(renderJson(columns, rows));
    expect(stream('ndjson').text).toBe(renderJson(columns, rows, { ndjson: true }));
  });

  it("end a table with cqlsh's row count; only a table on a terminal pauses between pages", () => {
    expect(stream('table').text).toMatch(/^\n k \| v\n-+\+-+\n +1 \| +a\n[^]*\n\(3 rows\)\n$/);
    expect(stream('box').text).toMatch(/\(3 rows\)\n$/);
    for (const f of OUTPUT_FORMATS) expect(stream(f, true).pauses, f).toEqual([f === 'table' || f === 'expanded', false]);
  });
});

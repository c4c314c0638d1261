// COPY TO's field text: cqlsh's formatting (format/), except where cqlsh's output cannot be read
// back as what was written. There COPY writes a CQL literal instead: an empty collection as
// [] / {} (cqlsh: nothing, read as null), a zero duration as 0s (cqlsh: nothing), and inside
// tuples and UDTs a null as null and an empty string as '' (cqlsh: None or nothing).
import type { CqlType, CqlValue } from '../cql/types.js';
import type { FormatOptions } from '../format/options.js';
import { columnText, formatValue } from '../format/value.js';

const COMPOSITE = new Set(['list', 'set', 'map', 'tuple', 'udt', 'vector']);

function nested(v: CqlValue, t: CqlType, o: FormatOptions): string {
  if (v === null) return 'null';
  if (COMPOSITE.has(t.kind)) return composite(v, t, o);
  // a leaf as cqlsh shows it inside a collection (text quoted, floats at float precision)
  const s = formatValue([v], { kind: 'list', element: t }, o).text;
  return s.slice(1, -1);
}

function composite(v: CqlValue, t: CqlType, o: FormatOptions): string {
  const items = v as CqlValue[];
  switch (t.kind) {
    case 'list':
    case 'vector':
      return `[${items.map((x) => nested(x, t.element, o)).join(', ')}]`;
    case 'set':
      return `{${items.map((x) => nested(x, t.element, o)).join(', ')}}`;
    case 'map':
      return `{${(v as [CqlValue, CqlValue][]).map(([k, x]) => `${nested(k, t.key, o)}: ${nested(x, t.value, o)}`).join(', ')}}`;
    case 'tuple':
      return `(${t.elements.map((e, i) => nested(items[i] ?? null, e, o)).join(', ')})`;
    case 'udt':
      return `{${t.fields.map((f, i) => `${formatValue(f.name, { kind: 'text' }, o).text}: ${nested(items[i] ?? null, f.type, o)}`).join(', ')}}`;
    default:
      return formatValue(v, t, o).text;
  }
}

/** Does cqlsh's text for this value lose it? (then the CQL literal is written) */
function lossy(v: CqlValue, t: CqlType): boolean {
  if (v === null) return false;
  switch (t.kind) {
    case 'list':
    case 'set':
    case 'map':
    case 'vector':
      return (
        (v as unknown[]).length === 0 ||
        (v as CqlValue[]).some((x) =>
          Array.isArray(x) && t.kind === 'map' ? lossy(x[0], t.key) || lossy(x[1], t.value) : lossy(x, (t as { element: CqlType }).element),
        )
      );
    case 'tuple':
    case 'udt':
      return true;
    case 'duration':
      return false;
    default:
      return false;
  }
}

export function copyField(v: CqlValue, t: CqlType, o: FormatOptions): string {
  if (v !== null && COMPOSITE.has(t.kind) && lossy(v, t)) return composite(v, t, o);
  const s = formatValue(v, t, o).text;
  if (s === '' && t.kind === 'duration' && v !== null) return '0s';
  return s;
}

/** copyField for one column's type, made once per COPY: scalar values take formatting's fast path. */
export function fieldFormatter(t: CqlType, o: FormatOptions): (v: CqlValue) => string {
  if (COMPOSITE.has(t.kind) || t.kind === 'duration') return (v) => copyField(v, t, o);
  const f = columnText(t, o);
  return (v) => (v === null ? copyField(v, t, o) : f(v));
}

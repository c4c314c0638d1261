// CQL literals of neutral values, for COPY FROM with PREPAREDSTATEMENTS=False (statements sent as
// text). Exact: integers, decimals and timestamps never go through a float; text is quoted with
// '' escaping; dates and times as their numeric strings, which Cassandra reads without a calendar.
import type { CqlDate, CqlDecimal, CqlDuration, CqlTimestamp, CqlType, CqlValue } from '../cql/types.js';

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
const quoteName = (s: string) => (/^[a-z_][a-z0-9_]*$/.test(s) ? s : `"${s.replaceAll('"', '""')}"`);

function num(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '-0.0';
  return String(x);
}

export function cqlLiteral(v: CqlValue, t: CqlType): string {
  if (v === null) return 'null';
  switch (t.kind) {
    case 'ascii':
    case 'text':
    case 'varchar':
    case 'inet':
      return quote(v as string);
    case 'int':
    case 'smallint':
    case 'tinyint':
    case 'bigint':
    case 'counter':
    case 'varint':
      return String(v);
    case 'float':
    case 'double':
      return num(v as number);
    case 'decimal': {
      const d = v as CqlDecimal;
      return d.scale === 0 ? d.unscaled.toString() : `${d.unscaled}E${-d.scale}`;
    }
    case 'boolean':
      return v ? 'true' : 'false';
    case 'uuid':
    case 'timeuuid':
      return v as string;
    case 'blob':
    case 'custom':
    case 'empty':
      return '0x' + Buffer.from(v as Uint8Array).toString('hex');
    case 'timestamp':
      return (v as CqlTimestamp).millis.toString();
    case 'date':
      return `'${(v as CqlDate).days + 2 ** 31}'`;
    case 'time':
      return `'${(v as bigint).toString()}'`;
    case 'duration': {
      const d = v as CqlDuration;
      const neg = d.months < 0 || d.days < 0 || d.nanoseconds < 0n;
      const abs = (x: bigint) => (x < 0n ? -x : x);
      return `${neg ? '-' : ''}${Math.abs(d.months)}mo${Math.abs(d.days)}d${abs(d.nanoseconds)}ns`;
    }
    case 'list':
    case 'vector':
      return `[${(v as CqlValue[]).map((x) => cqlLiteral(x, t.element)).join(', ')}]`;
    case 'set':
      return `{${(v as CqlValue[]).map((x) => cqlLiteral(x, t.element)).join(', ')}}`;
    case 'map':
      return `{${(v as [CqlValue, CqlValue][]).map(([k, x]) => `${cqlLiteral(k, t.key)}: ${cqlLiteral(x, t.value)}`).join(', ')}}`;
    case 'tuple':
      return `(${t.elements.map((e, i) => cqlLiteral((v as CqlValue[])[i] ?? null, e)).join(', ')})`;
    case 'udt':
      return `{${t.fields.map((f, i) => `${quoteName(f.name)}: ${cqlLiteral((v as CqlValue[])[i] ?? null, f.type)}`).join(', ')}}`;
  }
}

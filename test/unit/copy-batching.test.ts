// COPY FROM's hot path without a server: Murmur3 tokens against the driver's tokenizer, the
// quick CSV split against CsvReader, COPY's own value encoding against the driver's encoder,
// ENCODING names, CQL literals.
import { createRequire } from 'node:module';
import driver from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { simpleQuotedRecord } from '../../src/copy/csv-fast.js';
import { CsvReader, DEFAULT_DIALECT, type CsvDialect } from '../../src/copy/csv.js';
import { decoderFor } from '../../src/copy/decode.js';
import { paramEncoder, rowEncoder, rowParams } from '../../src/copy/encode.js';
import { cqlLiteral } from '../../src/copy/literal.js';
import { CqlDate, CqlDecimal, CqlDuration, CqlTimestamp, type CqlType, type CqlValue } from '../../src/cql/types.js';
import { toDriverParam } from '../../src/db/bulk.js';
import { ringPosition, tokenOf, type TokenRing } from '../../src/db/ring.js';

const require = createRequire(import.meta.url);
const { Murmur3Tokenizer } = require('cassandra-driver/lib/tokenizer.js');
const Encoder = require('cassandra-driver/lib/encoder.js');

describe('Murmur3 token', () => {
  it("equals the driver's tokenizer for keys of every length 0..80, bytes >= 0x80 included", () => {
    const tk = new Murmur3Tokenizer();
    for (let n = 0; n < 3000; n++) {
      const len = n % 81;
      const b = Buffer.alloc(len);
      for (let i = 0; i < len; i++) b[i] = (n * 31 + i * 97 + (n >> 3)) & 255;
      expect(tokenOf(b).toString()).toBe(tk.hash(b).getValue().toString());
    }
  });

  it('ring position: the first ring token at or above, wrapping past the last token', () => {
    const toks = [-100n, 0n, 5000000000n];
    const ring: TokenRing = {
      hi: Int32Array.from(toks, (t) => Number(BigInt.asIntN(32, t >> 32n))),
      lo: Uint32Array.from(toks, (t) => Number(BigInt.asUintN(32, t))),
      owner: new Uint16Array(3),
      hosts: ['a'],
    };
    const pos = (t: bigint) => ringPosition(ring, Number(BigInt.asIntN(32, t >> 32n)), Number(BigInt.asUintN(32, t)));
    expect([-200n, -100n, -1n, 0n, 1n, 4999999999n, 5000000000n, 9000000000n].map(pos)).toEqual([0, 0, 1, 1, 2, 2, 2, 0]);
  });
});

describe('the quick CSV split', () => {
  const lines = [
    '1,"a, b",c\n',
    '"x",,"y"\n',
    '1,2,\n',
    '"",""\n',
    'a,"q""d",b\n',
    'a,"open\n',
    'a,"x"y,b\n',
    'a,b"c,d\n',
    'a,"e\\"s"\n',
    '"only"\n',
    'x,"a,b"',
  ];
  it('gives what CsvReader gives, or leaves the line to it', () => {
    for (const d of [DEFAULT_DIALECT, { delimiter: ';', quote: "'", escape: undefined, doublequote: true } as CsvDialect]) {
      for (const raw of lines) {
        const line = d.delimiter === ';' ? raw.replaceAll(',', ';').replaceAll('"', "'") : raw;
        const fast = simpleQuotedRecord(line, d);
        if (fast === null) continue;
        expect(fast).toEqual(new CsvReader(d).push(line));
      }
    }
    expect(simpleQuotedRecord('1,"a, b",c\n', DEFAULT_DIALECT)?.fields).toEqual(['1', 'a, b', 'c']);
    expect(simpleQuotedRecord('a,"q""d",b\n', DEFAULT_DIALECT)).toBeNull();
    expect(simpleQuotedRecord('a,"open\n', DEFAULT_DIALECT)).toBeNull();
  });
});

describe("COPY's value encoding", () => {
  const cases: [CqlType, CqlValue][] = [
    [{ kind: 'int' }, -5],
    [{ kind: 'bigint' }, -9223372036854775808n],
    [{ kind: 'smallint' }, 32767],
    [{ kind: 'tinyint' }, -128],
    [{ kind: 'double' }, 1.5e300],
    [{ kind: 'float' }, 3.25],
    [{ kind: 'boolean' }, true],
    [{ kind: 'text' }, 'ünïcödé ✓ 𝄞'],
    [{ kind: 'ascii' }, 'abc'],
    [{ kind: 'uuid' }, '0c306ccb-58e6-400d-905e-7627f5f456e2'],
    [{ kind: 'timeuuid' }, '5b6962dd-3f90-11e7-9b3c-b5e9d8f2a1e4'],
    [{ kind: 'timestamp' }, new CqlTimestamp(-1234567890123n)],
    [{ kind: 'date' }, new CqlDate(-719162)],
    [{ kind: 'time' }, 86399999999999n],
    [{ kind: 'blob' }, new Uint8Array([0, 255, 1])],
    ...[0n, 127n, 128n, -128n, -129n, 255n, 256n, -1n, 9223372036854775807n, 123456789012345678901234567890n, -123456789012345678901234567890n].map(
      (n): [CqlType, CqlValue] => [{ kind: 'varint' }, n],
    ),
    [{ kind: 'decimal' }, new CqlDecimal(-31415926535897932384626n, 22)],
    [{ kind: 'decimal' }, new CqlDecimal(5n, -3)],
    [{ kind: 'list', element: { kind: 'text' } }, ['a', 'b,c', '']],
    [{ kind: 'set', element: { kind: 'int' } }, []],
    [
      { kind: 'map', key: { kind: 'text' }, value: { kind: 'bigint' } },
      [
        ['x', 1n],
        ['y', -2n],
      ],
    ],
    [{ kind: 'list', element: { kind: 'map', key: { kind: 'int' }, value: { kind: 'text' } } }, [[[1, 'a']]]],
  ];
  const enc = new Encoder(4, { encoding: { useBigIntAsLong: true, useBigIntAsVarint: true, map: Map } });
  const typeInfo = (t: CqlType): unknown => {
    const code = (k: string) => driver.types.dataTypes[k as keyof typeof driver.types.dataTypes] as number;
    if (t.kind === 'list' || t.kind === 'set') return { code: code(t.kind), info: typeInfo(t.element) };
    if (t.kind === 'map') return { code: code('map'), info: [typeInfo(t.key), typeInfo(t.value)] };
    return { code: code(t.kind === 'text' ? 'varchar' : t.kind) };
  };

  it("writes the bytes the driver's encoder writes", () => {
    for (const [t, v] of cases) {
      const expected = enc.encode(toDriverParam(v, t), typeInfo(t));
      expect([t.kind, Buffer.from(paramEncoder(t)(v) as Buffer).toString('hex')]).toEqual([t.kind, Buffer.from(expected).toString('hex')]);
      expect(paramEncoder(t)(null)).toBeNull();
    }
  });

  it('a row in one Buffer, cut back into its values', () => {
    const types = cases.map(([t]) => t);
    const values = cases.map(([, v], i) => (i % 5 === 3 ? null : v));
    const params = rowParams(rowEncoder(types)!(values), types.length);
    expect(params.map((b) => (b === null ? null : b.toString('hex')))).toEqual(
      values.map((v, i) => (v === null ? null : (paramEncoder(types[i])(v) as Buffer).toString('hex'))),
    );
    expect(rowEncoder([{ kind: 'duration' }])).toBeNull();
  });
});

describe('ENCODING names', () => {
  const text = (enc: string, bytes: number[]) => decoderFor(enc)!().decode(Buffer.from(bytes), true);
  it("Python's codec names, latin-1 as ISO-8859-1, utf-16 by its BOM", () => {
    expect(text('latin-1', [0x63, 0xe9, 0x80])).toBe('cé\u0080');
    expect(text('ISO-8859-1', [0xe9])).toBe('é');
    expect(text('utf8', [0xc3, 0xa9])).toBe('é');
    expect(text('utf_16', [0xff, 0xfe, 0x41, 0x00])).toBe('A');
    expect(text('utf-16', [0xfe, 0xff, 0x00, 0x41])).toBe('A');
    expect(text('cp1252', [0x80])).toBe('€');
    expect(decoderFor('no-such-codec')).toBeNull();
  });
  it('a character cut between two reads is decoded whole', () => {
    const d = decoderFor('utf-8')!();
    expect(d.decode(Buffer.from([0xe2, 0x9c]), false) + d.decode(Buffer.from([0x93]), true)).toBe('✓');
  });
});

describe('CQL literals (PREPAREDSTATEMENTS=False)', () => {
  it('exact values of each type', () => {
    expect(cqlLiteral("it's", { kind: 'text' })).toBe("'it''s'");
    expect(cqlLiteral(new CqlDecimal(-314n, 2), { kind: 'decimal' })).toBe('-314E-2');
    expect(cqlLiteral(new CqlTimestamp(-5n), { kind: 'timestamp' })).toBe('-5');
    expect(cqlLiteral(new CqlDate(0), { kind: 'date' })).toBe("'2147483648'");
    expect(cqlLiteral(new CqlDuration(-1, -2, -3n), { kind: 'duration' })).toBe('-1mo2d3ns');
    expect(cqlLiteral(NaN, { kind: 'double' })).toBe('NaN');
    expect(cqlLiteral([['a', null]], { kind: 'map', key: { kind: 'text' }, value: { kind: 'int' } })).toBe("{'a': null}");
    expect(
      cqlLiteral([1, 'x'], {
        kind: 'udt',
        keyspace: 'k',
        name: 'u',
        fields: [
          { name: 'n', type: { kind: 'int' } },
          { name: 'Street', type: { kind: 'text' } },
        ],
      }),
    ).toBe(`{n: 1, "Street": 'x'}`);
    expect(cqlLiteral(new Uint8Array([1, 171]), { kind: 'blob' })).toBe('0x01ab');
  });
});

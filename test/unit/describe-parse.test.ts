// DESCRIBE's grammar (cqlsh 6.2) and the text rules of the client-side generator.
import { describe, expect, it } from 'vitest';
import { javaDouble, quoteName } from '../../src/describe/cql-text.js';
import { compareColumnNames, isComplex } from '../../src/describe/columns.js';
import { commandTokens } from '../../src/shell/commands/args.js';
import { parseDescribe } from '../../src/shell/commands/describe-parse.js';
import { layoutOf, printCluster, printList } from '../../src/shell/commands/describe-print.js';

const parse = (s: string) => parseDescribe(commandTokens(s)!);

describe('DESCRIBE grammar', () => {
  it('takes every form', () => {
    expect(parse('DESCRIBE KEYSPACES')).toEqual({ what: 'keyspaces', internals: false });
    expect(parse('desc columnfamilies')).toEqual({ what: 'tables', internals: false });
    expect(parse('DESC FULL SCHEMA WITH INTERNALS')).toEqual({ what: 'schema', full: true, internals: true });
    expect(parse('DESC ONLY KEYSPACE "Ks"')).toEqual({ what: 'keyspace', name: 'Ks', only: true, internals: false });
    expect(parse('DESC KEYSPACE')).toEqual({ what: 'keyspace', name: undefined, only: false, internals: false });
    expect(parse('DESC TABLE Ks.T')).toEqual({ what: 'table', keyspace: 'ks', name: 't', internals: false });
    expect(parse('DESC COLUMNFAMILY "a""b"')).toEqual({ what: 'table', keyspace: undefined, name: 'a"b', internals: false });
    expect(parse('DESC MATERIALIZED VIEW ks.v')).toMatchObject({ what: 'view', keyspace: 'ks', name: 'v' });
    expect(parse('DESC INDEX i WITH INTERNALS')).toMatchObject({ what: 'index', name: 'i', internals: true });
    expect(parse('DESC TYPE t')).toMatchObject({ what: 'type', name: 't' });
    expect(parse('DESC FUNCTION ks.f')).toMatchObject({ what: 'function', keyspace: 'ks', name: 'f' });
    expect(parse('DESC AGGREGATE a')).toMatchObject({ what: 'aggregate', name: 'a' });
    expect(parse('DESC CLUSTER')).toEqual({ what: 'cluster', internals: false });
    expect(parse('DESC something')).toMatchObject({ what: 'generic', name: 'something' });
    expect(parse('DESC ks.something')).toMatchObject({ what: 'generic', keyspace: 'ks', name: 'something' });
  });

  it('refuses what cqlsh refuses', () => {
    for (const s of [
      'DESC',
      'DESC TABLE',
      'DESC TYPES junk',
      'DESC bogus bogus',
      'DESC TABLE ks.',
      'DESC TABLE t WITH',
      'DESC FULL',
      'DESC MATERIALIZED t',
      'DESC TABLE select',
    ]) {
      expect(parse(s), s).toBeUndefined();
    }
  });

  it('picks the layout from the second word', () => {
    expect(layoutOf('TABLES')).toBe('list');
    expect(layoutOf('keyspaces')).toBe('keyspaces');
    expect(layoutOf('Cluster')).toBe('cluster');
    expect(layoutOf('ONLY')).toBe('element');
  });
});

describe('DESCRIBE text rules', () => {
  it('quotes names as the server does', () => {
    expect(quoteName('abc_1')).toBe('abc_1');
    expect(quoteName('select')).toBe('"select"');
    expect(quoteName('Mixed')).toBe('"Mixed"');
    expect(quoteName('a"b')).toBe('"a""b"');
    expect(quoteName('1a')).toBe('"1a"');
  });

  it("formats doubles as Java's Double.toString", () => {
    expect(javaDouble(1)).toBe('1.0');
    expect(javaDouble(0.01)).toBe('0.01');
    expect(javaDouble(0.0001)).toBe('1.0E-4');
    expect(javaDouble(12345678)).toBe('1.2345678E7');
  });

  it('orders columns as the server stores them', () => {
    expect(['a', 'ÄB', 'z'].sort(compareColumnNames)).toEqual(['ÄB', 'a', 'z']);
    expect(isComplex('list<int>')).toBe(true);
    expect(isComplex('frozen<list<int>>')).toBe(false);
    expect(isComplex('my_udt')).toBe(true);
    expect(isComplex('vector<float, 3>')).toBe(false);
  });

  it('lays listings out as cqlsh does', () => {
    const rows = [
      { keyspace_name: 'a', type: 'table', name: 't1' },
      { keyspace_name: 'b', type: 'table', name: 't2' },
    ];
    expect(printList(rows, undefined)).toEqual([{ kind: 'text', text: '\nKeyspace a\n----------\nt1\n\nKeyspace b\n----------\nt2\n' }]);
    expect(printList(rows.slice(0, 1), 'a')).toEqual([{ kind: 'text', text: '\nt1\n' }]);
    expect(printList([], 'a')).toEqual([]);
    expect(printCluster([{ cluster: 'C', partitioner: 'P', snitch: 'S', range_ownership: [['-1', ['/h:7000']]] }])).toEqual([
      { kind: 'text', text: `\nCluster: C\nPartitioner: P\nSnitch: S\n\nRange ownership:\n ${'-1'.padStart(39)}  [/h:7000]\n` },
    ]);
  });
});

// DESCRIBE's grammar, as cqlsh 6.2 accepts it (cqlshhandling.py <describeCommand>), turned into a
// DescribeRequest. Names resolve as CQL does: bare names lower-cased, "quoted" names kept.
import type { Token } from '../../cql/lexer.js';
import type { DescribeRequest, DescribeTarget } from '../../describe/request.js';
import { isWord, oneOf } from './args.js';

/** A name token's value (bare → lower case, quoted → unescaped), or undefined if it is no name. */
export function nameOf(t: Token | undefined): string | undefined {
  if (!t) return undefined;
  if (t.type === 'identifier') return t.text.toLowerCase();
  if (t.type === 'quotedName') return t.text.slice(1, -1).replace(/""/g, '"');
  return undefined;
}

interface Qualified {
  keyspace?: string;
  name: string;
  next: number;
}

function qualifiedName(t: Token[], i: number): Qualified | undefined {
  const first = nameOf(t[i]);
  if (first === undefined) return undefined;
  if (t[i + 1]?.type === 'op' && t[i + 1].text === '.') {
    const second = nameOf(t[i + 2]);
    if (second === undefined) return undefined;
    return { keyspace: first, name: second, next: i + 3 };
  }
  return { name: first, next: i + 1 };
}

/** The request, or undefined when cqlsh's grammar refuses the statement. `t` excludes `;`. */
export function parseDescribe(t: Token[]): DescribeRequest | undefined {
  const end = (i: number): boolean | undefined => {
    if (i === t.length) return false;
    if (i + 2 === t.length && isWord(t[i], 'WITH') && isWord(t[i + 1], 'INTERNALS')) return true;
    return undefined;
  };
  const simple = (i: number, req: DescribeTarget): DescribeRequest | undefined => {
    const internals = end(i);
    return internals === undefined ? undefined : { ...req, internals };
  };
  const named = (i: number, what: 'table' | 'index' | 'view' | 'type' | 'function' | 'aggregate' | 'generic') => {
    const q = qualifiedName(t, i);
    return q ? simple(q.next, { what, keyspace: q.keyspace, name: q.name }) : undefined;
  };
  const word = oneOf(t[1], [
    'FUNCTIONS',
    'FUNCTION',
    'AGGREGATES',
    'AGGREGATE',
    'KEYSPACES',
    'ONLY',
    'KEYSPACE',
    'COLUMNFAMILY',
    'TABLE',
    'INDEX',
    'MATERIALIZED',
    'COLUMNFAMILIES',
    'TABLES',
    'FULL',
    'SCHEMA',
    'CLUSTER',
    'TYPES',
    'TYPE',
  ] as const);
  let req: DescribeRequest | undefined;
  switch (word) {
    case 'FUNCTIONS':
    case 'AGGREGATES':
    case 'KEYSPACES':
    case 'TABLES':
    case 'COLUMNFAMILIES':
    case 'TYPES':
      req = simple(2, { what: word === 'COLUMNFAMILIES' ? 'tables' : (word.toLowerCase() as 'tables') });
      break;
    case 'CLUSTER':
      req = simple(2, { what: 'cluster' });
      break;
    case 'SCHEMA':
      req = simple(2, { what: 'schema', full: false });
      break;
    case 'FULL':
      req = isWord(t[2], 'SCHEMA') ? simple(3, { what: 'schema', full: true }) : undefined;
      break;
    case 'ONLY':
    case 'KEYSPACE': {
      const at = word === 'ONLY' ? 3 : 2;
      if (word === 'ONLY' && !isWord(t[2], 'KEYSPACE')) break;
      const name = nameOf(t[at]);
      req = simple(name === undefined ? at : at + 1, { what: 'keyspace', name, only: word === 'ONLY' });
      break;
    }
    case 'FUNCTION':
      req = named(2, 'function');
      break;
    case 'AGGREGATE':
      req = named(2, 'aggregate');
      break;
    case 'COLUMNFAMILY':
    case 'TABLE':
      req = named(2, 'table');
      break;
    case 'INDEX':
      req = named(2, 'index');
      break;
    case 'MATERIALIZED':
      req = isWord(t[2], 'VIEW') ? named(3, 'view') : undefined;
      break;
    case 'TYPE':
      req = named(2, 'type');
      break;
  }
  return req ?? named(1, 'generic');
}

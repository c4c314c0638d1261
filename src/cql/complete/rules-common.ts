// The pieces of CQL every statement uses: literals and terms, names (keyspace, table, view, type,
// function, index) with the schema names they complete to, column types, and `WITH` properties.
import * as G from './grammar.js';
import { all, hint, last, type Rule, type Suggestion } from './grammar.js';
import { keyspaceOf, NON_ALTERABLE_KEYSPACES, quoteName, quoteValue, SIMPLE_TYPES, unquote, type C, type Env } from './env.js';
import { dequoteValue } from '../literals.js';
import { SYSTEM_KEYSPACES } from '../vocabulary.js';

export type P = Rule<Env>;

// the grammar engine's combinators, fixed to this environment
export const w = (text: string): P => G.word<Env>(text);
export const ws = (text: string): P => G.words<Env>(text);
export const seq = (...p: P[]): P => G.seq<Env>(...p);
export const alt = (...p: P[]): P => G.alt<Env>(...p);
export const opt = (p: P): P => G.opt<Env>(p);
export const many = (p: P): P => G.many<Env>(p);
export const list = (p: P, sep?: P): P => G.list<Env>(p, sep);
export const lazy = (get: () => P): P => G.lazy<Env>(get);
export const slot = (name: string, p: P, complete?: C): P => G.slot<Env>(name, p, complete);
export const collect = (name: string, p: P, complete?: C): P => G.collect<Env>(name, p, complete);
export const tok = G.token<Env>;
export const quiet = (p: P): P => G.quiet<Env>(p);
/** A completer that only explains what is expected. */
export const explain =
  (text: string): C =>
  () => [hint(text)];
/** A completer with fixed suggestions. */
export const fixed =
  (...items: Suggestion[]): C =>
  () =>
    items;

export const ifNotExists = opt(ws('IF NOT EXISTS'));
export const ifExists = opt(ws('IF EXISTS'));

// ---- literals and terms

export const identifier = tok('identifier');
export const quotedName = tok('quotedName');
export const wholenumber = tok('wholenumber');
export const stringLiteral = alt(tok('quotedStringLiteral'), tok('pgStringLiteral'));
export const integer = seq(opt(w('-')), wholenumber);
export const boolean = alt(w('true'), w('false'));

/** Keywords that may still be names; never offered. */
export const unreservedKeyword = quiet(alt(w('key'), w('clustering'), w('ttl'), w('compact'), w('storage'), w('type'), w('values')));

/** A column (or other) name. */
export const cident = alt(quotedName, identifier, unreservedKeyword);

export const term: P = lazy(() =>
  alt(stringLiteral, integer, tok('float'), tok('uuid'), boolean, tok('blobLiteral'), collectionLiteral, seq(functionLiteral, functionArguments), w('NULL')),
);
const functionLiteral = alt(seq(identifier, opt(seq(w('.'), identifier))), w('TOKEN'));
const functionArguments = seq(w('('), opt(list(term)), w(')'));
export const listLiteral = seq(w('['), opt(list(term)), w(']'));
export const setLiteral = seq(w('{'), opt(list(term)), w('}'));
export const mapLiteral = seq(w('{'), term, w(':'), term, many(seq(w(','), term, w(':'), term)), w('}'));
const collectionLiteral = alt(listLiteral, setLiteral, mapLiteral);

// ---- names

export const cfOrKsName = alt(identifier, quotedName, unreservedKeyword);

const keyspaces = (env: Env, except: readonly string[] = []) =>
  env.src
    .keyspaces()
    .filter((k) => !except.includes(k))
    .map(quoteName);

/** `ks.` for every keyspace: the start of a qualified name. */
export const keyspacePrefixes: C = (_c, r) => r.env.src.keyspaces().map((k) => `${quoteName(k)}.`);

/** The dot after a keyspace name, when that keyspace exists. */
export const dotAfter =
  (binding: string): C =>
  (c, r) =>
    r.env.src.keyspaces().includes(unquote(last(c.b, binding))) ? ['.'] : [];

/**
 * Names in the keyspace bound to `ksname` (or the session's): none when there is no keyspace
 * to look in; null (no claim) when a named keyspace does not exist.
 */
function inKeyspace(names: (env: Env, ks: string) => readonly string[]): C {
  return (c, r) => {
    const ks = keyspaceOf(c.b, r.env);
    if (ks === undefined) return [];
    if (last(c.b, 'ksname') && !r.env.src.keyspaces().includes(ks)) return null;
    return names(r.env, ks).map(quoteName);
  };
}

export const keyspaceName = slot('ksname', cfOrKsName, (_c, r) => keyspaces(r.env));
export const nonSystemKeyspaceName = slot('ksname', cfOrKsName, (_c, r) => keyspaces(r.env, SYSTEM_KEYSPACES));
export const alterableKeyspaceName = slot('ksname', cfOrKsName, (_c, r) => keyspaces(r.env, NON_ALTERABLE_KEYSPACES));

/** `[ks.]name` where the name completes from `names`. */
function qualified(nameSlot: string, names: C, ksSlot: P = cfOrKsName): P {
  return seq(opt(seq(slot('ksname', ksSlot, keyspacePrefixes), slot('dot', w('.'), dotAfter('ksname')))), slot(nameSlot, cfOrKsName, names));
}

export const columnFamilyName = qualified(
  'cfname',
  inKeyspace((env, ks) => env.src.tables(ks)),
);
export const materializedViewName = qualified(
  'mvname',
  inKeyspace((env, ks) => env.src.views?.(ks) ?? []),
);
const typeNames = inKeyspace((env, ks) => env.src.types?.(ks) ?? []);
export const userTypeName = qualified('utname', typeNames);
const functionNames = inKeyspace((env, ks) => env.src.functions?.(ks) ?? []);
const aggregateNames = inKeyspace((env, ks) => env.src.aggregates?.(ks) ?? []);
const routineNames = inKeyspace((env, ks) => [...(env.src.functions?.(ks) ?? []), ...(env.src.aggregates?.(ks) ?? [])]);
export const anyFunctionName = qualified('udfname', functionNames);
export const userFunctionName = qualified('udfname', functionNames, nonSystemKeyspaceName);
export const userAggregateName = qualified('udaname', aggregateNames, nonSystemKeyspaceName);
export const functionAggregateName = qualified('functionname', routineNames, nonSystemKeyspaceName);
/** A function of the session's keyspace (SFUNC, FINALFUNC). */
export const refUserFunctionName = slot('udfname', cfOrKsName, (_c, r) =>
  r.env.keyspace === undefined ? [] : (r.env.src.functions?.(r.env.keyspace) ?? []).map(quoteName),
);
export const functionName = alt(functionAggregateName, w('TOKEN'));

const idxOrKsName = alt(identifier, quotedName, unreservedKeyword);
export const indexName = qualified(
  'idxname',
  inKeyspace((env, ks) => env.src.indexes?.(ks) ?? []),
  idxOrKsName,
);

// ---- column types

const simpleStorageType = slot('typename', alt(identifier, stringLiteral, w('timestamp')), fixed(...SIMPLE_TYPES));
const userType = slot('utname', cfOrKsName, typeNames);
const simpleOrUser = alt(simpleStorageType, userType);
export const storageType: P = lazy(() => seq(alt(simpleStorageType, collectionType, frozenCollectionType, vectorType, userType), opt(columnMask)));
const collectionType = alt(
  seq(w('map'), w('<'), simpleStorageType, w(','), simpleOrUser, w('>')),
  seq(w('list'), w('<'), simpleOrUser, w('>')),
  seq(w('set'), w('<'), simpleOrUser, w('>')),
);
const frozenCollectionType = seq(
  w('frozen'),
  w('<'),
  alt(seq(w('map'), w('<'), storageType, w(','), storageType, w('>')), seq(w('list'), w('<'), storageType, w('>')), seq(w('set'), w('<'), storageType, w('>'))),
  w('>'),
);
const vectorType = seq(w('vector'), w('<'), storageType, w(','), wholenumber, w('>'));
export const selectionFunctionArguments: P = lazy(() => seq(w('('), opt(list(selectorRef())), w(')')));
export const columnMask = seq(ws('MASKED WITH'), alt(w('DEFAULT'), seq(functionName, selectionFunctionArguments)));

// the SELECT selector is defined with the statements; column masks name it
let selectorRule: P | undefined;
const selectorRef = (): P => selectorRule!;
export function defineSelector(p: P): void {
  selectorRule = p;
}

// ---- WITH properties (keyspaces, tables, views)

const TABLE_OPTIONS = [
  'allow_auto_snapshot',
  'bloom_filter_fp_chance',
  'comment',
  'gc_grace_seconds',
  'incremental_backups',
  'min_index_interval',
  'max_index_interval',
  'default_time_to_live',
  'speculative_retry',
  'additional_write_policy',
  'memtable',
  'memtable_flush_period_in_ms',
  'cdc',
  'read_repair',
];
const TABLE_MAP_OPTIONS: Record<string, readonly string[]> = {
  compaction: [
    'class',
    'max_threshold',
    'tombstone_compaction_interval',
    'tombstone_threshold',
    'enabled',
    'unchecked_tombstone_compaction',
    'only_purge_repaired_tombstones',
    'provide_overlapping_tombstones',
  ],
  compression: ['class', 'chunk_length_in_kb', 'enabled', 'min_compress_ratio', 'max_compressed_length'],
  caching: ['rows_per_partition', 'keys'],
};
const COMPACTION_CLASS_OPTIONS: Record<string, readonly string[]> = {
  SizeTieredCompactionStrategy: ['min_sstable_size', 'min_threshold', 'bucket_high', 'bucket_low'],
  LeveledCompactionStrategy: ['sstable_size_in_mb', 'fanout_size'],
  TimeWindowCompactionStrategy: ['compaction_window_unit', 'compaction_window_size', 'min_threshold', 'timestamp_resolution'],
  UnifiedCompactionStrategy: [
    'scaling_parameters',
    'min_sstable_size',
    'flush_size_override',
    'base_shard_count',
    'target_sstable_size',
    'sstable_growth',
    'max_sstables_to_compact',
    'expired_sstable_check_frequency_seconds',
    'unsafe_aggressive_sstable_expiration',
    'overlap_inclusion_method',
  ],
};
const COMPACTION_CLASSES = ['LeveledCompactionStrategy', 'SizeTieredCompactionStrategy', 'TimeWindowCompactionStrategy', 'UnifiedCompactionStrategy'];
const COMPRESSION_CLASSES = ['DeflateCompressor', 'SnappyCompressor', 'LZ4Compressor', 'ZstdCompressor'];
const REPLICATION_CLASSES = ['SimpleStrategy', 'NetworkTopologyStrategy'];

const onKeyspace = (c: { b: G.Bindings }) => /^(KEYSPACE|SCHEMA)$/i.test(last(c.b, 'wat'));
const propName = (c: { b: G.Bindings }) => last(c.b, 'propname');

/** The map entries typed so far in the current property value. */
function mapSoFar(c: { b: G.Bindings }): { keys: string[]; pairs: Map<string, string> } {
  const keys = all(c.b, 'propmapkey').map(dequoteValue);
  const vals = all(c.b, 'propmapval').map(dequoteValue);
  return { keys, pairs: new Map(keys.map((k, i) => [k, vals[i] ?? ''])) };
}

const propNames: C = (c) => {
  if (onKeyspace(c)) return all(c.b, 'propname').includes('replication') ? ['durable_writes'] : ['replication'];
  const names = [...TABLE_OPTIONS, ...Object.keys(TABLE_MAP_OPTIONS)];
  return /^MATERIALIZED$/i.test(last(c.b, 'wat')) ? names.filter((n) => n !== 'default_time_to_live' && n !== 'gc_grace_seconds') : names;
};

const propEquals: C = (c) => (!onKeyspace(c) && /^(COMPACT|CLUSTERING)$/i.test(propName(c)) ? [] : ['=']);

const propValue: C = (c) => {
  const name = propName(c);
  if (onKeyspace(c)) {
    if (name === 'durable_writes') return ["'true'", "'false'"];
    return name === 'replication' ? ["{'class': '"] : [];
  }
  switch (name) {
    case 'compression':
    case 'compaction':
      return ["{'class': '"];
    case 'caching':
      return ["{'keys': '"];
    case 'bloom_filter_fp_chance':
      return [hint('<float_between_0_and_1>')];
    case 'gc_grace_seconds':
    case 'min_index_interval':
    case 'max_index_interval':
      return [hint('<integer>')];
    case 'cdc':
      return [hint('<true|false>')];
    case 'read_repair':
      return [hint("<'none'|'blocking'>")];
    case 'allow_auto_snapshot':
    case 'incremental_backups':
      return [hint('<boolean>')];
    default:
      return [hint('<option_value>')];
  }
};

const propMapKey: C = (c) => {
  const name = propName(c);
  const { keys, pairs } = mapSoFar(c);
  if (onKeyspace(c)) {
    if (name !== 'replication') return [];
    const cls = pairs.get('class');
    if (cls === undefined) return ["'class'"];
    if (cls === 'NetworkTopologyStrategy') return [hint('<dc_name>')];
    return cls === 'SimpleStrategy' && !keys.includes('replication_factor') ? ["'replication_factor'"] : [];
  }
  const sub = TABLE_MAP_OPTIONS[name];
  if (!sub) return [];
  if (name !== 'compaction') return sub.filter((k) => !keys.includes(k)).map(quoteValue);
  const cls = pairs.get('class');
  if (cls === undefined) return ["'class'"];
  return [...new Set([...sub, ...(COMPACTION_CLASS_OPTIONS[cls.split('.').pop() ?? ''] ?? [])])].map(quoteValue);
};

const propMapValue: C = (c) => {
  const name = propName(c);
  const key = dequoteValue(last(c.b, 'propmapkey'));
  if (onKeyspace(c)) {
    if (name !== 'replication') return [];
    return key === 'class' ? REPLICATION_CLASSES.map(quoteValue) : [hint('<term>')];
  }
  if (name === 'compaction') {
    if (key === 'class') return COMPACTION_CLASSES.map(quoteValue);
    return [hint(key === 'provide_overlapping_tombstones' ? '<NONE|ROW|CELL>' : '<option_value>')];
  }
  if (name === 'compression') return key === 'class' ? COMPRESSION_CLASSES.map(quoteValue) : [hint('<option_value>')];
  if (name === 'caching') {
    if (key === 'rows_per_partition') return ["'ALL'", "'NONE'", hint('#rows_per_partition')];
    if (key === 'keys') return ["'ALL'", "'NONE'"];
  }
  return [];
};

const propMapEnd: C = (c) => {
  if (!onKeyspace(c)) return [',', '}'];
  if (propName(c) !== 'replication') return [','];
  const { keys, pairs } = mapSoFar(c);
  const cls = pairs.get('class');
  if (cls === undefined) return [','];
  if (cls === 'SimpleStrategy' && !keys.includes('replication_factor')) return [','];
  if (cls === 'NetworkTopologyStrategy' && keys.length === 1) return [','];
  return ['}'];
};

const mapEntry = seq(collect('propmapkey', term, propMapKey), w(':'), collect('propmapval', term, propMapValue));
const propertyValue = alt(
  slot('propsimpleval', alt(stringLiteral, identifier, integer, tok('float'), unreservedKeyword), propValue),
  seq(slot('propsimpleval', w('{'), propValue), mapEntry, many(seq(slot('ender', w(','), propMapEnd), mapEntry)), slot('ender', w('}'), propMapEnd)),
);
export const property = seq(collect('propname', cident, propNames), slot('propeq', w('='), propEquals), collect('propval', propertyValue));

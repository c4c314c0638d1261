// COPY's statement and options as cqlsh 6.2 takes them: the grammar, WITH options, the [copy],
// [copy-to|from], [copy:ks.t] and [copy-to|from:ks.t] sections of the config file (CONFIGFILE or
// cqlshrc), defaults, and cqlsh's messages for what it refuses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tokenize, type Token } from '../cql/lexer.js';
import { dequoteValue } from '../cql/literals.js';
import { defaultCqlshrc, expandUser } from '../util/paths.js';
import { DEFAULT_TIMESTAMP_FORMAT } from '../format/time.js';
import { parseIni } from '../util/ini.js';
import type { CsvDialect } from './csv.js';

export type Direction = 'to' | 'from';

export interface CopyStatement {
  keyspace: string | undefined;
  table: string;
  columns: string[] | undefined;
  direction: Direction;
  /** undefined for STDIN / STDOUT */
  file: string | undefined;
  /** option names lower-cased, values dequoted, in the order given */
  options: [string, string][];
}

export class CopyUsageError extends Error {}

/** Parses `COPY ks.t [(cols)] FROM|TO 'file'|STDIN|STDOUT [WITH a = v AND ...]`; null when it does not match. */
export function parseCopy(text: string): CopyStatement | null {
  const { tokens, errorAt } = tokenize(text);
  if (errorAt >= 0) return null;
  const t = tokens.filter((x) => x.type !== 'endline' && x.type !== 'endtoken');
  let i = 1;
  const name = (x: Token | undefined): string | undefined => {
    if (!x) return undefined;
    if (x.type === 'quotedName') return x.text.slice(1, -1).replaceAll('""', '"');
    if (x.type === 'identifier' || x.type === 'reserved_identifier') return x.text.toLowerCase();
    return undefined;
  };
  let keyspace: string | undefined;
  let table = name(t[i++]);
  if (table === undefined) return null;
  if (t[i]?.text === '.') {
    keyspace = table;
    table = name(t[i + 1]);
    if (table === undefined) return null;
    i += 2;
  }
  let columns: string[] | undefined;
  if (t[i]?.text === '(') {
    columns = [];
    i++;
    for (;;) {
      const c = name(t[i++]);
      if (c === undefined) return null;
      columns.push(c);
      if (t[i]?.text === ',') i++;
      else if (t[i]?.text === ')') {
        i++;
        break;
      } else return null;
    }
  }
  const dir = t[i++]?.text.toUpperCase();
  if (dir !== 'FROM' && dir !== 'TO') return null;
  const direction = dir === 'FROM' ? 'from' : 'to';
  const target = t[i++];
  if (!target) return null;
  let file: string | undefined;
  if (target.type === 'quotedStringLiteral' || target.type === 'pgStringLiteral') file = dequoteValue(target.text);
  else if (target.text.toUpperCase() !== (direction === 'from' ? 'STDIN' : 'STDOUT')) return null;
  const options: [string, string][] = [];
  if (i < t.length) {
    if (t[i++].text.toUpperCase() !== 'WITH') return null;
    for (;;) {
      const n = t[i++];
      if (!n || (n.type !== 'identifier' && n.type !== 'reserved_identifier')) return null;
      if (t[i++]?.text !== '=') return null;
      let v = t[i++];
      if (!v) return null;
      let value = v.text;
      if (v.text === '-' && t[i]) {
        v = t[i++];
        value = '-' + v.text;
      }
      if (v.type === 'quotedStringLiteral' || v.type === 'pgStringLiteral') value = dequoteValue(v.text);
      options.push([n.text.toLowerCase(), value]);
      if (i >= t.length) break;
      if (t[i++].text.toUpperCase() !== 'AND') return null;
    }
  }
  return { keyspace, table, columns, direction, file, options };
}

export interface CopyOptions {
  dialect: CsvDialect;
  nullText: string;
  header: boolean;
  encoding: string;
  maxRequests: number;
  pageSize: number;
  pageTimeout: number;
  maxAttempts: number;
  timestampFormat: string;
  floatPrecision: number;
  doublePrecision: number;
  chunkSize: number;
  ingestRate: number;
  maxBatchSize: number;
  minBatchSize: number;
  reportFrequency: number;
  decimalSep: string;
  thousandsSep: string;
  boolStyle: [string, string];
  numProcesses: number;
  beginToken: string;
  endToken: string;
  maxRows: number;
  skipRows: number;
  skipCols: string[];
  maxParseErrors: number;
  maxInsertErrors: number;
  errFile: string;
  rateFile: string;
  maxOutputSize: number;
  preparedStatements: boolean;
  ttl: number;
  /** consistency level of the writes (the shell's, or LOCAL_QUORUM under the Keyspaces preset) */
  consistency?: string;
  /** options nobody knows */
  unrecognized: string[];
  /** "Reading options from ..." lines cqlsh prints */
  notes: string[];
}

/** Settings that change COPY's defaults (the Keyspaces preset switches these on). */
export interface CopyPreset {
  /** Amazon Keyspaces: LOCAL_QUORUM writes, throttling retried, a conservative ingest rate */
  keyspaces?: boolean;
}

/** What the shell passes COPY: its preset, cqlshrc path and [ui] time format. */
export interface CopySettings extends CopyPreset {
  cqlshrc?: string;
  timestampFormat?: string;
}

export const KEYSPACES_INGEST_RATE = 1500;

function pyInt(v: string): number {
  const s = v.trim();
  if (!/^[+-]?\d+$/.test(s)) throw new CopyUsageError(`invalid literal for int() with base 10: '${v}'`);
  return Number(s);
}

function pyFloat(v: string): number {
  const n = Number(v.trim());
  if (v.trim() === '' || Number.isNaN(n)) throw new CopyUsageError(`could not convert string to float: '${v}'`);
  return n;
}

export function cpuCount(): number {
  const env = process.env.CQLSH_COPY_TEST_NUM_CORES;
  return env ? Number(env) : os.availableParallelism();
}

/** Resolves the options: config sections, then the WITH options; throws CopyUsageError on a bad value. */
export function resolveOptions(st: CopyStatement, ks: string, o: { configFile?: string; timestampFormat?: string; preset?: CopyPreset } = {}): CopyOptions {
  const given = new Map(st.options);
  const notes: string[] = [];
  const configFile = expandUser(given.get('configfile') || o.configFile || defaultCqlshrc());
  given.delete('configfile');
  const opts = new Map<string, string>();
  let ini: Map<string, Map<string, string>> | undefined;
  try {
    if (fs.statSync(configFile).isFile()) ini = parseIni(fs.readFileSync(configFile, 'utf8'), configFile);
  } catch {
    ini = undefined;
  }
  if (ini) {
    const d = st.direction;
    for (const sec of ['copy', `copy-${d}`, `copy:${ks}.${st.table}`, `copy-${d}:${ks}.${st.table}`]) {
      const s = ini.get(sec);
      if (!s) continue;
      notes.push(`Reading options from ${configFile}:[${sec}]: ${pyDict([...s])}`);
      for (const [k, v] of s) opts.set(k, v);
    }
  }
  if (ini && given.size) notes.push(`Reading options from the command line: ${pyDict([...given])}`);
  for (const [k, v] of given) opts.set(k, v);

  const pop = (k: string, dflt: string): string => {
    const v = opts.get(k);
    opts.delete(k);
    return v ?? dflt;
  };
  const quote = pop('quote', '"');
  const escape = pop('escape', '\\');
  const delimiter = pop('delimiter', ',');
  const dialect: CsvDialect = quote === escape ? { delimiter, quote, escape: undefined, doublequote: true } : { delimiter, quote, escape, doublequote: false };
  for (const [n, c] of [
    ['delimiter', delimiter],
    ['quotechar', quote],
    ['escapechar', escape],
  ] as const) {
    if ([...c].length !== 1) throw new CopyUsageError(`"${n}" must be a 1-character string`);
  }
  const keyspaces = o.preset?.keyspaces === true;
  const nullText = pop('null', '');
  const header = pop('header', '').toLowerCase() === 'true';
  const encoding = pop('encoding', 'utf8');
  const maxRequests = pyInt(pop('maxrequests', '6'));
  const pageSize = pyInt(pop('pagesize', '1000'));
  const pageTimeout = pyInt(pop('pagetimeout', String(Math.trunc(Math.max(10, (10 * pageSize) / 1000)))));
  const maxAttempts = pyInt(pop('maxattempts', keyspaces ? '10' : '5'));
  const timestampFormat = pop('datetimeformat', o.timestampFormat ?? DEFAULT_TIMESTAMP_FORMAT);
  const floatPrecision = pyInt(pop('floatprecision', '5'));
  const doublePrecision = pyInt(pop('doubleprecision', '12'));
  const chunkSize = pyInt(pop('chunksize', '5000'));
  const ingestRate = pyInt(pop('ingestrate', keyspaces ? String(KEYSPACES_INGEST_RATE) : '100000'));
  const maxBatchSize = pyInt(pop('maxbatchsize', '20'));
  const minBatchSize = pyInt(pop('minbatchsize', '10'));
  const reportFrequency = pyFloat(pop('reportfrequency', '0.25'));
  const decimalSep = pop('decimalsep', '.');
  const thousandsSep = pop('thousandssep', '');
  const boolList = pop('boolstyle', 'True, False')
    .split(',')
    .map((s) => s.trim());
  const numProcesses = pyInt(pop('numprocesses', String(Math.max(1, Math.min(16, cpuCount() - 1)))));
  const beginToken = pop('begintoken', '');
  const endToken = pop('endtoken', '');
  const maxRows = pyInt(pop('maxrows', '-1'));
  const skipRows = pyInt(pop('skiprows', '0'));
  const skipCols = pop('skipcols', '')
    .split(',')
    .map((s) => s.trim());
  const maxParseErrors = pyInt(pop('maxparseerrors', '-1'));
  const maxInsertErrors = pyInt(pop('maxinserterrors', '1000'));
  const errFile = normPath(pop('errfile', `import_${ks}_${st.table}.err`));
  const rateFile = normPath(pop('ratefile', ''));
  const maxOutputSize = pyInt(pop('maxoutputsize', '-1'));
  const preparedStatements = pop('preparedstatements', 'true').toLowerCase() === 'true';
  const ttl = pyInt(pop('ttl', '-1'));
  // cqlsh's hidden options, accepted and ignored
  for (const k of ['maxinflightmessages', 'maxbackoffattempts', 'maxpendingchunks', 'requesttimeout', 'childtimeout']) opts.delete(k);
  if (boolList.length !== 2 || boolList[0] === boolList[1] || !boolList[0] || !boolList[1]) {
    throw new CopyUsageError(`Invalid boolean styles [${boolList.map((s) => `'${s}'`).join(', ')}]`);
  }
  return {
    dialect,
    nullText,
    header,
    encoding,
    maxRequests,
    pageSize,
    pageTimeout,
    maxAttempts,
    timestampFormat,
    floatPrecision,
    doublePrecision,
    chunkSize,
    ingestRate,
    maxBatchSize,
    minBatchSize,
    reportFrequency,
    decimalSep,
    thousandsSep,
    boolStyle: [boolList[0], boolList[1]],
    numProcesses,
    beginToken,
    endToken,
    maxRows,
    skipRows,
    skipCols,
    maxParseErrors,
    maxInsertErrors,
    errFile,
    rateFile,
    maxOutputSize,
    preparedStatements,
    ttl,
    consistency: keyspaces ? 'LOCAL_QUORUM' : undefined,
    unrecognized: [...opts.keys()],
    notes,
  };
}

function normPath(p: string): string {
  return p ? path.normalize(expandUser(p)) : p;
}

function pyDict(entries: [string, string][]): string {
  const q = (s: string) => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`);
  return `{${entries.map(([k, v]) => `${q(k)}: ${q(v)}`).join(', ')}}`;
}

/** cqlsh's describe_interval, with its Python 3 quirk (every unit shows once a second has passed). */
export function describeInterval(seconds: number): string {
  const desc: string[] = [];
  let s = seconds;
  for (const [len, unit] of [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ] as const) {
    const num = Math.trunc(s) / len;
    if (num > 0) desc.push(`${Math.trunc(num)} ${unit}${num > 1 ? 's' : ''}`);
    s = s - Math.floor(s / len) * len;
  }
  const words = `${s.toFixed(3)} seconds`;
  if (desc.length > 1) return `${desc.join(', ')}, and ${words}`;
  if (desc.length === 1) return `${desc[0]} and ${words}`;
  return words;
}

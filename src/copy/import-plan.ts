// COPY FROM, stage "parse/convert": which columns are written, the statement that writes them
// (INSERT, a counter UPDATE, or per-row INSERT text with PREPAREDSTATEMENTS=False), and the
// converter of one CSV record into what that statement sends plus the key the row is grouped by.
import type { Column, CqlValue } from '../cql/types.js';
import { quoteId, type TableInfo } from '../db/bulk.js';
import { converter, ParseError } from './convert.js';
import type { CsvRecord } from './csv.js';
import { paramEncoder, rowEncoder } from './encode.js';
import { cqlLiteral } from './literal.js';
import type { CopyOptions } from './options.js';

/** The columns of the statement, less SKIPCOLS. */
export interface ImportColumns {
  valid: Column[];
  /** indexes (in the statement's columns) of the skipped ones */
  skippedIdx: Set<number>;
}

/** The columns an import writes, or cqlsh's message when it cannot run. */
export function importColumns(columns: Column[], info: TableInfo, opts: Pick<CopyOptions, 'skipCols'>): ImportColumns | string {
  const skipped = new Set(opts.skipCols.filter((c) => c !== ''));
  const valid = columns.filter((c) => !skipped.has(c.name));
  const skippedIdx = new Set(columns.map((_, i) => i).filter((i) => skipped.has(columns[i].name)));
  if (valid.length === 0) return 'No valid column specified';
  for (const k of info.primaryKey) {
    if (!valid.some((c) => c.name === k)) return `Primary key column '${k}' missing or skipped`;
  }
  return { valid, skippedIdx };
}

export interface ImportStatement {
  /** the prepared statement (INSERT, or UPDATE for a counter table) */
  cql: string;
  isCounter: boolean;
  /** PREPAREDSTATEMENTS=False: each row an INSERT with literal values (counters stay prepared) */
  literal: boolean;
  /** the statement's bind markers in column indexes (a counter UPDATE binds the key last) */
  order: number[];
  pkIdx: number[];
  partIdx: number[];
}

export function importStatement(
  ks: string,
  table: string,
  valid: Column[],
  info: TableInfo,
  opts: Pick<CopyOptions, 'ttl' | 'preparedStatements'>,
): ImportStatement {
  const pkIdx = info.primaryKey.map((k) => valid.findIndex((c) => c.name === k));
  const partIdx = info.partitionKey.map((k) => valid.findIndex((c) => c.name === k));
  const isCounter = valid.some((c) => c.type.kind === 'counter');
  const name = `${quoteId(ks)}.${quoteId(table)}`;
  const names = valid.map((c) => quoteId(c.name)).join(', ');
  const ttl = opts.ttl >= 0 ? ` USING TTL ${opts.ttl}` : '';
  const sets = valid.filter((_, i) => !pkIdx.includes(i)).map((c) => `${quoteId(c.name)} = ${quoteId(c.name)} + ?`);
  const where = pkIdx.map((i) => `${quoteId(valid[i].name)} = ?`).join(' AND ');
  const cql = isCounter
    ? `UPDATE ${name} SET ${sets.join(', ')} WHERE ${where}`
    : `INSERT INTO ${name} (${names}) VALUES (${valid.map(() => '?').join(', ')})${ttl}`;
  const order = isCounter ? [...valid.map((_, i) => i).filter((i) => !pkIdx.includes(i)), ...pkIdx] : valid.map((_, i) => i);
  return { cql, isCounter, literal: !opts.preparedStatements && !isCounter, order, pkIdx, partIdx };
}

/** A row as the writer sends it: its bound values, its values encoded in one Buffer, or its INSERT text. */
export type RowValues = unknown[] | Buffer | string;

/** How a record's row is grouped: its ring position (from its converted values), else its partition key text. */
export type KeyOf = ((values: CqlValue[]) => number) | null;

/** One record → what the statement sends and the row's group key; throws ParseError. */
export function rowConverter(
  cols: ImportColumns,
  stmt: ImportStatement,
  opts: Pick<CopyOptions, 'nullText' | 'decimalSep' | 'thousandsSep' | 'boolStyle' | 'timestampFormat' | 'ttl'>,
  names: { ks: string; table: string },
  keyOf: KeyOf,
): (r: CsvRecord) => { values: RowValues; key: string | number } {
  const { valid, skippedIdx } = cols;
  const { pkIdx, partIdx, isCounter, literal, order } = stmt;
  const convOpts = {
    nullText: opts.nullText,
    decimalSep: opts.decimalSep,
    thousandsSep: opts.thousandsSep,
    booleanStyles: opts.boolStyle,
    timestampFormat: opts.timestampFormat,
  };
  const convs = valid.map((c) => converter(c.type, convOpts));
  const textHead = `INSERT INTO ${quoteId(names.ks)}.${quoteId(names.table)} (${valid.map((c) => quoteId(c.name)).join(', ')}) VALUES (`;
  const textTail = `)${opts.ttl >= 0 ? ` USING TTL ${opts.ttl}` : ''}`;
  // bound values as their bytes, encoded here (the driver sends Buffers as they are)
  const encoders = order.map((i) => paramEncoder(valid[i].type));
  const encodeRow = isCounter || literal ? null : rowEncoder(valid.map((c) => c.type));
  const keep = (_: unknown, i: number) => !skippedIdx.has(i);
  const nullText = opts.nullText;
  return (r) => {
    const fields = skippedIdx.size ? r.fields.filter(keep) : r.fields;
    if (fields.length !== valid.length) throw new ParseError(`Invalid row length ${fields.length} should be ${valid.length}`);
    const quoted = skippedIdx.size ? r.quoted.filter(keep) : r.quoted;
    for (const i of pkIdx) {
      if (fields[i] === nullText && !(quoted[i] && fields[i] === '' && isText(valid[i].type.kind))) {
        const hint = nullText === '' ? ' If you want to insert empty strings, consider using the WITH NULL=<marker> option for COPY.' : '';
        throw new ParseError(`Cannot insert null value for primary key column '${valid[i].name}'.${hint}`);
      }
    }
    const values: CqlValue[] = new Array(valid.length);
    for (let i = 0; i < valid.length; i++) {
      const v = fields[i];
      if (v === nullText && !(v === '' && quoted[i] && isText(valid[i].type.kind))) {
        values[i] = isCounter && !pkIdx.includes(i) ? 0n : null;
        continue;
      }
      try {
        values[i] = convs[i](v);
      } catch (e) {
        if (v === '') {
          values[i] = null;
          continue;
        }
        throw new ParseError(`Failed to parse ${v} : ${(e as Error).message}`);
      }
    }
    const key = keyOf ? keyOf(values) : partIdx.length === 1 ? fields[partIdx[0]] : partIdx.map((i) => fields[i]).join('\u0000');
    if (literal) {
      let text = textHead;
      for (let i = 0; i < values.length; i++) text += (i ? ', ' : '') + cqlLiteral(values[i], valid[i].type);
      return { values: text + textTail, key };
    }
    if (encodeRow) return { values: encodeRow(values), key };
    const params = new Array<unknown>(order.length);
    for (let j = 0; j < order.length; j++) params[j] = encoders[j](values[order[j]]);
    return { values: params, key };
  };
}

function isText(kind: string): boolean {
  return kind === 'text' || kind === 'varchar' || kind === 'ascii';
}

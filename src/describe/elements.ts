// CREATE text for keyspaces, user types, functions, aggregates and indexes, as Cassandra 5.0's
// DESCRIBE prints them.
import { qualified, quoteName, quoteString, textMap, unfrozen } from './cql-text.js';
import type { AggregateModel, FunctionModel, IndexModel, KeyspaceModel, TableModel, TypeModel } from './model.js';

const LOCATOR = 'org.apache.cassandra.locator.';

export function createKeyspace(k: KeyspaceModel): string {
  const repl = { ...k.replication };
  if (repl.class?.startsWith(LOCATOR)) repl.class = repl.class.slice(LOCATOR.length);
  let text = `CREATE KEYSPACE ${quoteName(k.name)} WITH replication = ${textMap(repl, 'class')}  AND durable_writes = ${k.durableWrites}`;
  if (k.tags && Object.keys(k.tags).length) text += ` AND TAGS = ${textMap(k.tags)}`;
  return text + ';';
}

export function createType(t: TypeModel): string {
  const fields = t.fieldNames.map((n, i) => `    ${quoteName(n)} ${t.fieldTypes[i]}`);
  return `CREATE TYPE ${qualified(t.keyspace, t.name)} (\n${fields.join(',\n')}\n);`;
}

/** `name(type, ...)`: how listings and errors name a function or aggregate. */
export function signature(name: string, types: readonly string[]): string {
  return `${quoteName(name)}(${types.map(unfrozen).join(', ')})`;
}

export function createFunction(f: FunctionModel): string {
  const args = f.argumentNames.map((n, i) => `${quoteName(n)} ${unfrozen(f.argumentTypes[i])}`).join(', ');
  const body = `$$${f.body}$$`;
  return (
    `CREATE FUNCTION ${qualified(f.keyspace, f.name)}(${args})\n` +
    `    ${f.calledOnNullInput ? 'CALLED' : 'RETURNS NULL'} ON NULL INPUT\n` +
    `    RETURNS ${unfrozen(f.returnType)}\n` +
    `    LANGUAGE ${f.language}\n` +
    `    AS ${body};`
  );
}

export function createAggregate(a: AggregateModel): string {
  let text = `CREATE AGGREGATE ${qualified(a.keyspace, a.name)}(${a.argumentTypes.map(unfrozen).join(', ')})\n`;
  text += `    SFUNC ${quoteName(a.stateFunc)}\n    STYPE ${unfrozen(a.stateType)}`;
  if (a.finalFunc) text += `\n    FINALFUNC ${quoteName(a.finalFunc)}`;
  if (a.initcond !== null) text += `\n    INITCOND ${a.initcond}`;
  return text + ';';
}

export function createIndex(t: TableModel, i: IndexModel): string {
  const { class_name: cls, target, ...rest } = i.options;
  const on = `${quoteName(i.name)} ON ${qualified(t.keyspace, t.name)} (${target ?? ''})`;
  if (i.kind.toUpperCase() !== 'CUSTOM') return `CREATE INDEX ${on};`;
  const extra = Object.keys(rest).length ? ` WITH OPTIONS = ${textMap(rest)}` : '';
  return `CREATE CUSTOM INDEX ${on} USING ${quoteString(cls ?? '')}${extra};`;
}

/** User types in dependency order: each type after the types it uses (Types.sortedStream). */
export function typesInDependencyOrder(types: readonly TypeModel[]): TypeModel[] {
  const byName = new Map(types.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TypeModel[] = [];
  const visit = (t: TypeModel) => {
    if (done.has(t.name)) return;
    done.add(t.name);
    for (const ft of t.fieldTypes)
      for (const dep of referencedTypes(ft)) {
        const d = byName.get(dep);
        if (d) visit(d);
      }
    out.push(t);
  };
  for (const t of types) visit(t);
  return out;
}

/** Names of user types a type string mentions (quoted names unquoted). */
export function referencedTypes(type: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"]|"")*)"|([A-Za-z_][\w]*)/g;
  for (let m = re.exec(type); m; m = re.exec(type)) {
    const after = type[re.lastIndex];
    if (m[1] !== undefined) out.push(m[1].replace(/""/g, '"'));
    else if (after !== '<') out.push(m[2]);
  }
  return out;
}

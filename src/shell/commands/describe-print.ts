// How cqlsh 6.2 prints DESCRIBE results (do_describe's describe_list, describe_keyspaces,
// describe_element, describe_cluster): names columnized to 80 columns, statements verbatim.
import type { ClusterRow, DescribeRow } from '../../describe/request.js';
import type { Output } from '../output.js';
import { columnize } from './columnize.js';

/** What the second word of the statement makes cqlsh print. */
export type DescribeLayout = 'list' | 'keyspaces' | 'cluster' | 'element';

export function layoutOf(secondWord: string): DescribeLayout {
  const w = secondWord.toLowerCase();
  if (['columnfamilies', 'tables', 'types', 'functions', 'aggregates'].includes(w)) return 'list';
  if (w === 'keyspaces') return 'keyspaces';
  if (w === 'cluster') return 'cluster';
  return 'element';
}

const text = (lines: string): Output[] => (lines ? [{ kind: 'text', text: lines.replace(/\n$/, '') }] : []);

export function printList(rows: readonly DescribeRow[], current: string | undefined): Output[] {
  let out = '';
  let i = 0;
  while (i < rows.length) {
    const ks = rows[i].keyspace_name;
    const names: string[] = [];
    for (; i < rows.length && rows[i].keyspace_name === ks; i++) names.push(rows[i].name);
    out += '\n';
    if (current === undefined) out += `Keyspace ${ks}\n---------${'-'.repeat(ks.length)}\n`;
    out += columnize(names)
      .map((l) => l + '\n')
      .join('');
  }
  if (rows.length) out += '\n';
  return text(out);
}

export function printKeyspaces(rows: readonly DescribeRow[]): Output[] {
  return text(
    '\n' +
      columnize(rows.map((r) => r.name))
        .map((l) => l + '\n')
        .join('') +
      '\n',
  );
}

/**
 * Each statement between two line ends, as cqlsh writes it: the line ends to stdout, the bare
 * statement where query output goes (the CAPTURE file while capturing).
 */
export function printElements(rows: readonly DescribeRow[]): Output[] {
  const out: Output[] = [];
  for (const r of rows) {
    out.push({ kind: 'text', text: '' });
    out.push({ kind: 'text', text: r.create_statement ?? '', result: true, newline: false });
    out.push({ kind: 'text', text: '' });
  }
  return out;
}

export function printCluster(rows: readonly ClusterRow[]): Output[] {
  let out = '';
  for (const r of rows) {
    out += `\nCluster: ${r.cluster}\nPartitioner: ${r.partitioner}\nSnitch: ${r.snitch}\n\n`;
    if (r.range_ownership) {
      out += 'Range ownership:\n';
      for (const [token, hosts] of r.range_ownership) out += ` ${token.padStart(39)}  [${hosts.join(', ')}]\n`;
      out += '\n';
    }
  }
  return text(out);
}

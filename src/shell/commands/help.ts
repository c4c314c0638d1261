// HELP [topic ...] / ? [topic ...]: with no topic, the shell commands and CQL topics in columns
// (then tscqlsh's own topics, in a block of their own); for a shell command its text; for a CQL topic the URL of its section of the CQL reference
// (cqlsh would try a browser first; tscqlsh never opens one and prints what cqlsh prints when
// it finds none).
import fs from 'node:fs';
import type { ShellCommand } from '../command.js';
import type { Output } from '../output.js';
import { commandTokens, fail, improper, say } from './args.js';
import { columnize } from './columnize.js';
import { CQL_TOPICS, cqlTopicAnchor } from './help-cql.js';
import { SHELL_TOPICS, shellHelp } from './help-docs.js';
import { TSCQLSH_HEADING, TSCQLSH_TOPICS, tscqlshHelp } from './help-tscqlsh.js';

const ONLINE_CQL_DOC = 'https://cassandra.apache.org/doc/latest/cassandra/cql/cql_singlefile.html';
const PACKAGED_CQL_DOC = '/usr/share/doc/cassandra/CQL.html';

function cqlDocUrl(): string {
  return fs.existsSync(PACKAGED_CQL_DOC) ? `file://${PACKAGED_CQL_DOC}` : ONLINE_CQL_DOC;
}

/** The topic list HELP prints with no argument (cmd.Cmd's print_topics: the ruler is as long as the header). */
export function topicList(): string {
  const block = (header: string, topics: readonly string[]) => [
    header,
    '='.repeat(header.length),
    ...columnize(topics.map((t) => t.toUpperCase()).sort(), 79),
    '',
  ];
  return [...block('\nDocumented shell commands:', SHELL_TOPICS), ...block('CQL help topics:', CQL_TOPICS), ...block(TSCQLSH_HEADING, TSCQLSH_TOPICS)].join(
    '\n',
  );
}

/** What HELP prints for one topic (as typed). */
export function topicHelp(topic: string): Output {
  const doc = shellHelp(topic) ?? tscqlshHelp(topic);
  if (doc !== undefined) return say(doc);
  const anchor = cqlTopicAnchor(topic);
  if (anchor !== undefined) {
    return fail(`*** No browser to display CQL help. URL for help topic ${topic} : ${cqlDocUrl()}#${anchor}`);
  }
  return fail(`*** No help on ${topic}`);
}

export const help: ShellCommand = {
  name: 'help',
  async *run(text) {
    const t = commandTokens(text);
    const topics = t?.slice(1) ?? [];
    if (!t || topics.some((x) => !/^[a-z_]*$/i.test(x.text))) {
      yield improper(text);
      return;
    }
    if (topics.length === 0) {
      yield say(topicList());
      return;
    }
    for (const x of topics) yield topicHelp(x.text);
  },
};

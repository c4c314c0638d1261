// SAVE 'file.csv' | 'file.json' | 'file.ndjson' [OVERWRITE] (tscqlsh's own): writes the last result
// set the interactive shell showed, in the format the file's extension names, without running the
// query again: the rows fetched so far (what was paged through; everything with PAGING OFF), and
// says how many. An existing file is replaced only with OVERWRITE.
import fs from 'node:fs';
import path from 'node:path';
import { CsvRenderer } from '../../render/csv.js';
import { JsonRenderer } from '../../render/json.js';
import type { ShellCommand } from '../command.js';
import { SAVE_LIMIT } from '../last-result.js';
import { commandTokens, fail, improper, isStringLiteral, isWord, say } from './args.js';
import { dequoteValue } from '../../cql/literals.js';
import { pyStrRepr as pyRepr } from '../../format/pyvalues.js';
import { osErrorText } from '../../util/errno.js';
import { expandUser } from '../../util/paths.js';

const FORMATS = ['.csv', '.json', '.ndjson'] as const;
/** rows rendered per write */
const CHUNK = 1000;

export const save: ShellCommand = {
  name: 'save',
  async *run(text, ctx) {
    const t = commandTokens(text);
    if (!t || t.length < 2 || t.length > 3 || !isStringLiteral(t[1]) || (t[2] && !isWord(t[2], 'OVERWRITE'))) {
      yield improper(text);
      return;
    }
    const file = expandUser(dequoteValue(t[1].text));
    const ext = path.extname(file).toLowerCase();
    if (!(FORMATS as readonly string[]).includes(ext)) {
      yield fail(`SAVE writes ${FORMATS.join(', ')} files (the extension picks the format), not ${pyRepr(file)}.`);
      return;
    }
    const result = ctx.lastResult?.();
    if (!result) {
      yield fail(
        ctx.interactive
          ? 'No result to save yet: SAVE writes the last result set a query showed.'
          : 'SAVE needs the interactive shell: it writes the last result set shown there.',
      );
      return;
    }
    let fd: number;
    try {
      fd = fs.openSync(file, t[2] ? 'w' : 'wx', 0o644);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      yield fail(
        err.code === 'EEXIST'
          ? `${pyRepr(file)} exists: SAVE ${t[1].text} OVERWRITE replaces it.`
          : `Could not save to ${pyRepr(file)}: ${osErrorText(e, file)}`,
      );
      return;
    }
    try {
      const { columns, rows } = result;
      const csv = ext === '.csv' ? new CsvRenderer(columns, { format: ctx.state.display }) : undefined;
      const json = csv ? undefined : new JsonRenderer(columns, { ndjson: ext === '.ndjson' });
      fs.writeSync(fd, csv ? csv.begin() : json!.begin());
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        fs.writeSync(fd, chunk.map((r) => (csv ? csv.row(r) : json!.row(r))).join(''));
      }
      if (json) fs.writeSync(fd, json.end());
    } catch (e) {
      yield fail(`Could not save to ${pyRepr(file)}: ${osErrorText(e, file)}`);
      return;
    } finally {
      fs.closeSync(fd);
    }
    const n = result.rows.length;
    const rowsText = `${n} row${n === 1 ? '' : 's'}`;
    if (n < result.fetched) {
      yield say(
        `Saved the first ${rowsText} of the ${result.fetched} fetched to ${pyRepr(file)} (SAVE keeps at most ${SAVE_LIMIT} rows; COPY ... TO exports a whole table).`,
      );
    } else if (!result.complete) {
      yield say(`Saved ${rowsText} to ${pyRepr(file)}: the rows fetched so far (the result has more; page to its end, or use PAGING OFF, to fetch them all).`);
    } else {
      yield say(`Saved ${rowsText} to ${pyRepr(file)}.`);
    }
  },
};

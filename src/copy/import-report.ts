// COPY FROM, stage "report": the error file (an old one moved aside, failed rows appended exactly
// as read), the parse and insert error counts against MAXPARSEERRORS and MAXINSERTERRORS, and
// cqlsh's closing lines.
import fs from 'node:fs';
import type { CopyOptions } from './options.js';
import { describeInterval } from './options.js';

export class ImportReport {
  parseErrors = 0;
  insertErrors = 0;
  failedRows = 0;
  private readonly errFile: string;

  constructor(
    private readonly opts: Pick<CopyOptions, 'errFile' | 'maxInsertErrors' | 'maxParseErrors'>,
    private readonly err: (text: string) => Promise<void>,
    now = new Date(),
  ) {
    this.errFile = opts.errFile;
    // an old error file is moved aside, as cqlsh does
    if (fs.existsSync(this.errFile)) {
      const p = (n: number) => String(n).padStart(2, '0');
      const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}_${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
      fs.renameSync(this.errFile, `${this.errFile}.${stamp}`);
    }
  }

  /** Rows that failed for good: into the error file as read. */
  failRows(raws: string[]): void {
    this.failedRows += raws.length;
    fs.appendFileSync(this.errFile, raws.join(''));
  }

  /** A chunk's parse failures, one message each (cqlsh does not retry them). */
  async parseFailed(errors: Map<string, string[]>): Promise<void> {
    for (const [msg, raws] of errors) {
      this.parseErrors += raws.length;
      this.failRows(raws);
      await this.err(`Failed to import ${raws.length} rows: ParseError - ${msg},  given up without retries`);
    }
  }

  /** True (and says so) when there were more errors than allowed: the import stops. */
  async exceeded(): Promise<boolean> {
    const o = this.opts;
    if (o.maxInsertErrors >= 0 && this.insertErrors > o.maxInsertErrors) {
      await this.err(`Exceeded maximum number of insert errors ${o.maxInsertErrors}`);
      return true;
    }
    if (o.maxParseErrors >= 0 && this.parseErrors > o.maxParseErrors) {
      await this.err(`Exceeded maximum number of parse errors ${o.maxParseErrors}`);
      return true;
    }
    return false;
  }

  /** cqlsh's last lines: the failed rows' file, an interruption, the summary (stdout). */
  async finish(
    o: { imported: number; files: number; skipped: number; seconds: number; interrupted: boolean },
    say: (text: string) => Promise<void>,
  ): Promise<void> {
    if (this.failedRows) await this.err(`Failed to process ${this.failedRows} rows; failed rows written to ${this.errFile}`);
    if (o.interrupted) await this.err(`Interrupted: ${o.imported} rows written.`);
    await say(summary(o.imported, o.files, o.seconds, o.skipped));
  }
}

/** cqlsh's summary line of an import. */
export function summary(imported: number, files: number, seconds: number, skipped: number): string {
  return `\n${imported} rows imported from ${files} files in ${describeInterval(seconds)} (${skipped} skipped).`;
}

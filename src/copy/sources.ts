// COPY FROM's inputs: files named by a comma list of names or globs (read as a stream, Python's
// universal newlines), or the shell's own input up to a line holding ".".
import fs from 'node:fs';

export interface Source {
  name: string;
  size?: number;
  lines(): AsyncGenerator<string>;
  /** the lines a read of the input at a time (files: one await per read, not per line) */
  lineBatches?(): AsyncGenerator<string[]>;
}

/** The files a FROM pattern list names (comma-separated names or globs), or an error message. */
export function resolveSources(spec: string): string[] | string {
  const out: string[] = [];
  for (const raw of spec.split(',')) {
    const p = raw.trim();
    let isFile = false;
    try {
      isFile = fs.statSync(p).isFile();
    } catch {
      isFile = false;
    }
    if (isFile) out.push(p);
    else {
      const found = fs.globSync(p);
      if (found.length === 0) return `Can't open '${p}' for reading: no matching file found`;
      out.push(...found);
    }
  }
  return out;
}

export function stdinSource(readLine: () => Promise<string | null>): Source & { drain(): Promise<void> } {
  let ended = false;
  const next = async (): Promise<string | null> => {
    if (ended) return null;
    const l = await readLine();
    if (l === null || l === '.\n' || l === '.') {
      ended = true;
      return null;
    }
    return l.endsWith('\r\n') ? l.slice(0, -2) + '\n' : l;
  };
  return {
    name: '<stdin>',
    async *lines() {
      for (let l = await next(); l !== null; l = await next()) yield l;
    },
    /** the data goes on to its "." line even when the import stops early (MAXROWS, errors) */
    async drain() {
      while ((await next()) !== null);
    },
  };
}

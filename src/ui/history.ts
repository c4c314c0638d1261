// Input history: kept in memory for Up/Down and Ctrl-R, persisted one JSON string per line (so a
// multi-line statement stays one entry) in $XDG_DATA_HOME/tscqlsh/history. Passwords never reach
// it: LOGIN loses its password argument, CREATE/ALTER ROLE|USER ... PASSWORD '...' is masked.
import fs from 'node:fs';
import path from 'node:path';
import { dataHome } from '../util/paths.js';

export const DEFAULT_HISTORY_SIZE = 10_000;

export function defaultHistoryPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataHome(env), 'tscqlsh', 'history');
}

const STRING = String.raw`(?:'(?:[^']|'')*'|\$\$[\s\S]*?\$\$)`;
const LOGIN_RE = new RegExp(String.raw`^(\s*login\s+(?:"(?:[^"]|"")*"|${STRING}|[^\s;'"$]+))[\s\S]*$`, 'i');
const ROLE_RE = /^\s*(create|alter)\s+(role|user)\b/i;
const PASSWORD_RE = new RegExp(String.raw`(\b(?:hashed\s+)?password\b\s*(?:=|:)?\s*)(${STRING}|'[\s\S]*$|\$\$[\s\S]*$)`, 'gi');

/** The entry as history may keep it, or null when it must not be kept at all. */
export function redact(entry: string): string | null {
  if (/^\s*login\b/i.test(entry)) {
    const m = LOGIN_RE.exec(entry);
    return m ? m[1] : null;
  }
  if (ROLE_RE.test(entry) && /\bpassword\b/i.test(entry)) {
    return entry.replace(PASSWORD_RE, "$1'*****'");
  }
  // a password option in a map: {'password': '...'}
  if (ROLE_RE.test(entry) || /'password'\s*:/i.test(entry)) {
    return entry.replace(/('password'\s*:\s*)'(?:[^']|'')*'/gi, "$1'*****'");
  }
  return entry;
}

export interface HistoryOptions {
  file?: string;
  /** false: nothing read from or written to disk */
  persist?: boolean;
  maxSize?: number;
}

export class History {
  private entries: string[] = [];
  /** navigation index into entries; entries.length means the draft */
  private pos = 0;
  private draft = '';
  readonly file: string | undefined;
  private readonly maxSize: number;

  constructor(o: HistoryOptions = {}) {
    this.maxSize = o.maxSize ?? DEFAULT_HISTORY_SIZE;
    this.file = o.persist === false ? undefined : (o.file ?? defaultHistoryPath());
    if (this.file) this.load(this.file);
    this.pos = this.entries.length;
  }

  static fromEntries(entries: string[], maxSize?: number): History {
    const h = new History({ persist: false, maxSize });
    h.entries = entries.slice(-h.maxSize);
    h.pos = h.entries.length;
    return h;
  }

  all(): readonly string[] {
    return this.entries;
  }

  private load(file: string): void {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const v: unknown = JSON.parse(line);
        if (typeof v === 'string') this.entries.push(v);
      } catch {
        this.entries.push(line);
      }
    }
    if (this.entries.length > this.maxSize) {
      this.entries = this.entries.slice(-this.maxSize);
      this.rewrite();
    }
  }

  private rewrite(): void {
    if (!this.file) return;
    try {
      fs.writeFileSync(this.file, this.entries.map((e) => JSON.stringify(e) + '\n').join(''), { mode: 0o600 });
    } catch {
      // history is best effort
    }
  }

  /** Records a submitted entry (redacted; consecutive duplicates once). */
  add(raw: string): void {
    this.pos = this.entries.length;
    this.draft = '';
    const text = raw.replace(/\s+$/, '');
    if (!text.trim()) return;
    const entry = redact(text);
    if (entry === null || entry === this.entries[this.entries.length - 1]) {
      this.pos = this.entries.length;
      return;
    }
    this.entries.push(entry);
    if (this.entries.length > this.maxSize) this.entries.splice(0, this.entries.length - this.maxSize);
    this.pos = this.entries.length;
    if (!this.file) return;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      fs.appendFileSync(this.file, JSON.stringify(entry) + '\n', { mode: 0o600 });
    } catch {
      // best effort
    }
  }

  /** Up: the previous entry (the current text is kept as the draft); null at the oldest. */
  prev(current: string): string | null {
    if (this.pos === 0) return null;
    if (this.pos === this.entries.length) this.draft = current;
    this.pos--;
    return this.entries[this.pos];
  }

  /** Down: the next entry, or the draft past the newest; null when already at the draft. */
  next(): string | null {
    if (this.pos >= this.entries.length) return null;
    this.pos++;
    return this.pos === this.entries.length ? this.draft : this.entries[this.pos];
  }

  resetNavigation(): void {
    this.pos = this.entries.length;
    this.draft = '';
  }

  /**
   * The suggestion for what is typed (fish's autosuggestion): the newest entry that starts with
   * `prefix` and is longer, or null.
   */
  suggest(prefix: string): string | null {
    if (prefix === '') return null;
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e.length > prefix.length && e.startsWith(prefix)) return e;
    }
    return null;
  }

  /** The newest entry at or before `from` containing `query` (case-insensitive), or null. */
  search(query: string, from = this.entries.length - 1): { index: number; text: string } | null {
    const q = query.toLowerCase();
    for (let i = Math.min(from, this.entries.length - 1); i >= 0; i--) {
      if (this.entries[i].toLowerCase().includes(q)) return { index: i, text: this.entries[i] };
    }
    return null;
  }
}

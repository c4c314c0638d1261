// Raw terminal input → key events. Pure: feed it chunks as they arrive; it keeps a partial escape
// sequence or an unfinished bracketed paste for the next chunk.

export type KeyName =
  | 'char'
  | 'paste'
  | 'enter'
  | 'newline'
  | 'tab'
  | 'backtab'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'pageup'
  | 'pagedown'
  | 'word-left'
  | 'word-right'
  | 'delete-word-forward'
  | 'delete-word-back'
  | 'yank-pop'
  | 'undo'
  | 'escape'
  | 'ctrl'
  /** the end of a non-terminal input (not a key: the input stream ended) */
  | 'eof';

export interface Key {
  name: KeyName;
  /** the text for 'char' and 'paste'; the letter for 'ctrl' (a-z) */
  text?: string;
}

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

const CSI: Record<string, KeyName> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  Z: 'backtab',
  '1~': 'home',
  '7~': 'home',
  '4~': 'end',
  '8~': 'end',
  '3~': 'delete',
  '5~': 'pageup',
  '6~': 'pagedown',
  '1;5C': 'word-right',
  '1;5D': 'word-left',
  '1;3C': 'word-right',
  '1;3D': 'word-left',
  '1;5H': 'home',
  '1;5F': 'end',
  '1;2A': 'up',
  '1;2B': 'down',
};

export class KeyParser {
  private pending = '';
  private paste: string | null = null;

  /** `lfIsEnter`: a line feed submits (input that is not a terminal, under --tty) */
  constructor(private readonly o: { lfIsEnter?: boolean } = {}) {}

  /** Parses a chunk; returns complete keys. A lone ESC at the end is held until `flush`. */
  push(chunk: string): Key[] {
    const s = this.pending + chunk;
    this.pending = '';
    const keys: Key[] = [];
    let plain = '';
    const flushPlain = () => {
      if (plain) keys.push({ name: 'char', text: plain });
      plain = '';
    };
    let i = 0;
    while (i < s.length) {
      if (this.paste !== null) {
        const e = s.indexOf(PASTE_END, i);
        if (e < 0) {
          // keep a possible partial end marker for the next chunk
          const keep = partialSuffix(s.slice(i), PASTE_END);
          this.paste += s.slice(i, s.length - keep);
          this.pending = s.slice(s.length - keep);
          return keys;
        }
        this.paste += s.slice(i, e);
        keys.push({ name: 'paste', text: this.paste.replace(/\r\n?/g, '\n') });
        this.paste = null;
        i = e + PASTE_END.length;
        continue;
      }
      const ch = s[i];
      if (ch === '\x1b') {
        flushPlain();
        if (s.startsWith(PASTE_START, i)) {
          this.paste = '';
          i += PASTE_START.length;
          continue;
        }
        const rest = s.slice(i);
        if (rest.length === 1 || (PASTE_START.startsWith(rest) && rest.length < PASTE_START.length && rest.startsWith('\x1b['))) {
          this.pending = rest;
          return keys;
        }
        const m = /^\x1b(?:\[|O)([0-9;]*[A-Za-z~])/.exec(rest);
        if (m) {
          const name = CSI[m[1]];
          if (name) keys.push({ name });
          i += m[0].length;
          continue;
        }
        if (/^\x1b(?:\[|O)[0-9;]*$/.test(rest)) {
          this.pending = rest;
          return keys;
        }
        const next = s[i + 1];
        i += 2;
        if (next === '\r' || next === '\n') keys.push({ name: 'newline' });
        else if (next === 'b' || next === 'B') keys.push({ name: 'word-left' });
        else if (next === 'f' || next === 'F') keys.push({ name: 'word-right' });
        else if (next === 'd' || next === 'D') keys.push({ name: 'delete-word-forward' });
        else if (next === 'y' || next === 'Y') keys.push({ name: 'yank-pop' });
        else if (next === '\x7f' || next === '\b') keys.push({ name: 'delete-word-back' });
        else if (next === '\x1b') {
          keys.push({ name: 'escape' });
          i--;
        } else keys.push({ name: 'escape' });
        continue;
      }
      const code = ch.charCodeAt(0);
      if (code === 13) {
        flushPlain();
        keys.push({ name: 'enter' });
        if (s[i + 1] === '\n') i++;
      } else if (code === 10) {
        flushPlain();
        keys.push({ name: this.o.lfIsEnter ? 'enter' : 'newline' });
      } else if (code === 9) {
        flushPlain();
        keys.push({ name: 'tab' });
      } else if (code === 127 || code === 8) {
        flushPlain();
        keys.push({ name: 'backspace' });
      } else if (code === 31) {
        // Ctrl-_ (and Ctrl-/ on most terminals)
        flushPlain();
        keys.push({ name: 'undo' });
      } else if (code < 32) {
        flushPlain();
        keys.push({ name: 'ctrl', text: String.fromCharCode(code + 96) });
      } else {
        plain += ch;
      }
      i++;
    }
    flushPlain();
    return keys;
  }

  /** A held lone ESC becomes an Escape key (call after a short quiet time). */
  flush(): Key[] {
    if (this.pending === '\x1b') {
      this.pending = '';
      return [{ name: 'escape' }];
    }
    return [];
  }
}

function partialSuffix(s: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, s.length); n > 0; n--) if (marker.startsWith(s.slice(s.length - n))) return n;
  return 0;
}

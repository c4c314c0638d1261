// The prompt's editing keys with readline's memory: a kill ring (Ctrl-K/U/W, Alt-D and
// Alt-Backspace kill into it, kills in a row join one entry; Ctrl-Y yanks it, Alt-Y right after
// cycles to older kills) and undo (Ctrl-_ or Ctrl-X Ctrl-U; a run of typed characters is one step,
// as are a kill, a yank, a completion or a paste). The buffer itself stays immutable; this object
// only remembers what readline remembers. No terminal knowledge.
import * as B from './buffer.js';
import { applyEditKey } from './editor.js';
import type { Key } from './keys.js';

/** readline's default kill ring size */
const MAX_KILLS = 10;
/** readline joins single typed characters into one undo step up to this length */
const UNDO_RUN = 20;

type Last = 'kill' | 'yank' | 'insert' | 'other';

export class LineEditor {
  /** newest last */
  private ring: string[] = [];
  private undos: B.EditBuffer[] = [];
  private last: Last = 'other';
  private run = 0;
  /** where the last yank put its text, and which ring entry it was */
  private yank: { start: number; end: number; index: number } | null = null;
  private ctrlX = false;

  /** Ctrl-X was typed: the next key completes a two-key binding (Ctrl-X Ctrl-U, Ctrl-X Ctrl-E). */
  get prefixed(): boolean {
    return this.ctrlX;
  }

  /** The two-key binding was taken by someone else (the controller's Ctrl-X Ctrl-E). */
  clearPrefix(): void {
    this.ctrlX = false;
  }

  /** The buffer after an editing key, or null when the key is not one (nor a prefix). */
  key(b: B.EditBuffer, key: Key): B.EditBuffer | null {
    const ctrl = key.name === 'ctrl' ? key.text : undefined;
    if (this.ctrlX) {
      this.ctrlX = false;
      if (ctrl === 'u') return this.undo(b);
    }
    if (ctrl === 'x') {
      this.ctrlX = true;
      return b;
    }
    if (key.name === 'undo') return this.undo(b);
    switch (key.name === 'ctrl' ? `ctrl-${ctrl}` : key.name) {
      case 'ctrl-k': {
        const e = B.lineEnd(b);
        return this.kill(b, b.cursor, e === b.cursor && e < b.text.length ? e + 1 : e, 'forward');
      }
      case 'ctrl-u':
        return this.kill(b, B.lineStart(b), b.cursor, 'back');
      case 'ctrl-w':
        return this.kill(b, B.blankWordLeftPos(b.text, b.cursor), b.cursor, 'back');
      case 'delete-word-forward':
        return this.kill(b, b.cursor, B.wordRightPos(b.text, b.cursor), 'forward');
      case 'delete-word-back':
        return this.kill(b, B.wordLeftPos(b.text, b.cursor), b.cursor, 'back');
      case 'ctrl-y':
        return this.yankAt(b, this.ring.length - 1);
      case 'yank-pop':
        return this.yankPop(b);
      case 'ctrl-t':
        return this.edit(b, B.transpose(b), 'other');
    }
    const next = applyEditKey(b, key);
    if (next === null) return null;
    const typed = key.name === 'char' && (key.text ?? '').length <= UNDO_RUN;
    return this.edit(b, next, typed ? 'insert' : 'other');
  }

  /** Records a change made outside the editing keys (a completion, a paste) as one undo step. */
  changed(before: B.EditBuffer): void {
    this.push(before);
    this.last = 'other';
  }

  /** A new line (submitted, cleared, or taken from history): nothing to undo. The kill ring stays. */
  reset(): void {
    this.undos = [];
    this.last = 'other';
    this.yank = null;
    this.ctrlX = false;
  }

  private push(b: B.EditBuffer): void {
    const top = this.undos[this.undos.length - 1];
    if (top && top.text === b.text && top.cursor === b.cursor) return;
    this.undos.push(b);
  }

  private edit(before: B.EditBuffer, after: B.EditBuffer, kind: Last): B.EditBuffer {
    if (after.text !== before.text) {
      const n = after.text.length - before.text.length;
      // typing on extends the undo step readline would extend
      if (!(kind === 'insert' && this.last === 'insert' && this.run + n <= UNDO_RUN)) {
        this.push(before);
        this.run = 0;
      }
      if (kind === 'insert') this.run += n;
    }
    // any other key (a cursor move too) ends a run of kills, of typing, or the yank Alt-Y replaces
    this.last = kind;
    if (kind !== 'yank') this.yank = null;
    return after;
  }

  private kill(b: B.EditBuffer, from: number, to: number, dir: 'forward' | 'back'): B.EditBuffer {
    if (to <= from) return b;
    const text = b.text.slice(from, to);
    if (this.last === 'kill' && this.ring.length) {
      const i = this.ring.length - 1;
      this.ring[i] = dir === 'forward' ? this.ring[i] + text : text + this.ring[i];
    } else {
      this.ring.push(text);
      if (this.ring.length > MAX_KILLS) this.ring.shift();
    }
    const after = { text: b.text.slice(0, from) + b.text.slice(to), cursor: from };
    this.push(b);
    this.last = 'kill';
    this.yank = null;
    return after;
  }

  private yankAt(b: B.EditBuffer, index: number): B.EditBuffer {
    const text = this.ring[index];
    if (text === undefined) return b;
    const after = B.insert(b, text);
    this.edit(b, after, 'yank');
    this.yank = { start: b.cursor, end: b.cursor + text.length, index };
    return after;
  }

  /** Alt-Y right after a yank: the yanked text becomes the next older kill. */
  private yankPop(b: B.EditBuffer): B.EditBuffer {
    const y = this.yank;
    if (this.last !== 'yank' || !y || this.ring.length < 2 || b.cursor !== y.end) return b;
    const index = (y.index - 1 + this.ring.length) % this.ring.length;
    const text = this.ring[index];
    const after = { text: b.text.slice(0, y.start) + text + b.text.slice(y.end), cursor: y.start + text.length };
    this.yank = { start: y.start, end: y.start + text.length, index };
    return after;
  }

  private undo(b: B.EditBuffer): B.EditBuffer {
    const prev = this.undos.pop();
    this.last = 'other';
    this.yank = null;
    return prev ?? b;
  }
}

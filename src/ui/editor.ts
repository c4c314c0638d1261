// Key bindings for plain editing: which buffer edit a key makes. Keys that do more (Enter, Tab,
// Up/Down at the buffer's edge, Ctrl-C/D/R/L) are the controller's; the prompt adds readline's kill
// ring and undo on top (line-editor.ts), a line asked for while a command runs (a password, COPY
// data) has these alone. Pure.
import * as B from './buffer.js';
import type { Key } from './keys.js';

const CTRL: Record<string, (b: B.EditBuffer) => B.EditBuffer> = {
  a: B.home,
  e: B.end,
  b: B.left,
  f: B.right,
  k: B.killToEnd,
  u: B.killToStart,
  w: B.deleteWordBack,
  h: B.backspace,
  t: B.transpose,
};

/** The buffer after an editing key, or null when the key is not an editing key. */
export function applyEditKey(b: B.EditBuffer, key: Key): B.EditBuffer | null {
  switch (key.name) {
    case 'char':
    case 'paste':
      return B.insert(b, key.text ?? '');
    case 'newline':
      return B.insert(b, '\n');
    case 'backspace':
      return B.backspace(b);
    case 'delete':
      return B.deleteForward(b);
    case 'left':
      return B.left(b);
    case 'right':
      return B.right(b);
    case 'home':
      return B.home(b);
    case 'end':
      return B.end(b);
    case 'word-left':
      return B.wordLeft(b);
    case 'word-right':
      return B.wordRight(b);
    case 'delete-word-forward':
      return B.deleteWordForward(b);
    case 'delete-word-back':
      return B.deleteWordLeft(b);
    case 'ctrl': {
      const f = CTRL[key.text ?? ''];
      return f ? f(b) : null;
    }
    default:
      return null;
  }
}

import { describe, expect, it } from 'vitest';
import { KeyParser } from '../../src/ui/keys.js';

describe('key parser', () => {
  it('reads text, Enter, Ctrl-J, Tab and controls', () => {
    const p = new KeyParser();
    expect(p.push('ab\rc\n\t\x01\x7f')).toEqual([
      { name: 'char', text: 'ab' },
      { name: 'enter' },
      { name: 'char', text: 'c' },
      { name: 'newline' },
      { name: 'tab' },
      { name: 'ctrl', text: 'a' },
      { name: 'backspace' },
    ]);
  });

  it('reads escape sequences, also split across chunks', () => {
    const p = new KeyParser();
    expect(p.push('\x1b[A\x1b[1;5C\x1b[3~\x1bOH')).toEqual([{ name: 'up' }, { name: 'word-right' }, { name: 'delete' }, { name: 'home' }]);
    expect(p.push('\x1b[')).toEqual([]);
    expect(p.push('D')).toEqual([{ name: 'left' }]);
    expect(p.push('\x1b\r\x1bb\x1bf')).toEqual([{ name: 'newline' }, { name: 'word-left' }, { name: 'word-right' }]);
  });

  it('reads readline keys: Ctrl-_ (undo), Alt-Y, Alt-Backspace, Alt-D, Ctrl-X, Ctrl-T, Ctrl-Y', () => {
    expect(new KeyParser().push('\x1f\x1by\x1b\x7f\x1bd\x18\x14\x19')).toEqual([
      { name: 'undo' },
      { name: 'yank-pop' },
      { name: 'delete-word-back' },
      { name: 'delete-word-forward' },
      { name: 'ctrl', text: 'x' },
      { name: 'ctrl', text: 't' },
      { name: 'ctrl', text: 'y' },
    ]);
  });

  it('a lone ESC becomes Escape on flush', () => {
    const p = new KeyParser();
    expect(p.push('\x1b')).toEqual([]);
    expect(p.flush()).toEqual([{ name: 'escape' }]);
  });

  it('reads a bracketed paste as one key, even in pieces', () => {
    const p = new KeyParser();
    expect(p.push('x\x1b[200~SELECT 1;\r\nSEL')).toEqual([{ name: 'char', text: 'x' }]);
    expect(p.push('ECT 2;\x1b[20')).toEqual([]);
    expect(p.push('1~y')).toEqual([
      { name: 'paste', text: 'SELECT 1;\nSELECT 2;' },
      { name: 'char', text: 'y' },
    ]);
  });

  it('keeps wide characters and emoji whole', () => {
    expect(new KeyParser().push('日本😀')).toEqual([{ name: 'char', text: '日本😀' }]);
  });
});

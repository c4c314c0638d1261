import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultHistoryPath, History, redact } from '../../src/ui/history.js';

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-hist-')), 'sub', 'history');

describe('history redaction', () => {
  it('drops the password of LOGIN', () => {
    expect(redact("LOGIN alice 'secret'")).toBe('LOGIN alice');
    expect(redact("login \"Bob\" 'it''s'")).toBe('login "Bob"');
    expect(redact('LOGIN alice')).toBe('LOGIN alice');
  });

  it('masks PASSWORD in CREATE/ALTER ROLE and USER', () => {
    expect(redact("CREATE ROLE r WITH PASSWORD = 'pw' AND LOGIN = true;")).toBe("CREATE ROLE r WITH PASSWORD = '*****' AND LOGIN = true;");
    expect(redact("alter user u with password 'x''y';")).toBe("alter user u with password '*****';");
    expect(redact("CREATE ROLE r WITH HASHED PASSWORD = '$2a$10$abc';")).not.toContain('$2a$10$abc');
    expect(redact('CREATE USER u WITH PASSWORD $$p w$$ SUPERUSER;')).toBe("CREATE USER u WITH PASSWORD '*****' SUPERUSER;");
    expect(redact("CREATE ROLE r WITH PASSWORD = 'unterminated")).not.toContain('unterminated');
  });

  it('leaves other statements alone', () => {
    expect(redact("SELECT password FROM t WHERE k = 'x';")).toBe("SELECT password FROM t WHERE k = 'x';");
  });
});

describe('History', () => {
  it('persists entries whole (multi-line included) and reads them back', () => {
    const file = tmp();
    const h = new History({ file });
    h.add('SELECT *\nFROM t;');
    h.add("LOGIN bob 'pw'");
    h.add('SHOW VERSION');
    h.add('SHOW VERSION');
    h.add('   ');
    const again = new History({ file });
    expect(again.all()).toEqual(['SELECT *\nFROM t;', 'LOGIN bob', 'SHOW VERSION']);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('pw');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps at most maxSize entries, on disk too', () => {
    const file = tmp();
    const h = new History({ file, maxSize: 3 });
    for (let i = 0; i < 5; i++) h.add(`SELECT ${i};`);
    expect(h.all()).toEqual(['SELECT 2;', 'SELECT 3;', 'SELECT 4;']);
    expect(new History({ file, maxSize: 3 }).all()).toEqual(['SELECT 2;', 'SELECT 3;', 'SELECT 4;']);
  });

  it('does not touch the disk when not persisted', () => {
    const file = tmp();
    new History({ file, persist: false }).add('SELECT 1;');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('walks back and forth, keeping the draft', () => {
    const h = History.fromEntries(['a', 'b']);
    expect(h.next()).toBeNull();
    expect(h.prev('draft')).toBe('b');
    expect(h.prev('b')).toBe('a');
    expect(h.prev('a')).toBeNull();
    expect(h.next()).toBe('b');
    expect(h.next()).toBe('draft');
    expect(h.next()).toBeNull();
  });

  it('searches backwards, case-insensitively', () => {
    const h = History.fromEntries(['select a', 'SELECT b', 'show version']);
    expect(h.search('sel')).toEqual({ index: 1, text: 'SELECT b' });
    expect(h.search('sel', 0)).toEqual({ index: 0, text: 'select a' });
    expect(h.search('nope')).toBeNull();
  });

  it('lives in XDG_DATA_HOME/tscqlsh/history', () => {
    expect(defaultHistoryPath({ XDG_DATA_HOME: '/x/data' })).toBe('/x/data/tscqlsh/history');
    expect(defaultHistoryPath({ HOME: '/home/u' })).toBe('/home/u/.local/share/tscqlsh/history');
  });
});

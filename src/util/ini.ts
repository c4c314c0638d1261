// INI files as Python's configparser reads them (cqlshrc, cqlsh's credentials file, COPY's
// CONFIGFILE, ~/.aws/config and credentials): `[section]`, `key = value` or `key: value`, `#`/`;`
// comment lines, indented continuation lines, case-insensitive keys. `%%` → `%` unless raw
// (BasicInterpolation's common case). The one INI reader of the code base.
import fs from 'node:fs';

export type IniSection = Map<string, string>;
export type Ini = Map<string, IniSection>;

export class IniError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(`${file}, line ${line}: ${message}`);
  }
}

export interface IniOptions {
  /** skip what configparser would refuse (lines before any section, lines that are not `key = value`) */
  lenient?: boolean;
}

export function parseIni(text: string, file = '<string>', o: IniOptions = {}): Ini {
  const out: Ini = new Map();
  let cur: IniSection | undefined;
  let lastKey: string | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (/^\s*([#;]|$)/.test(raw)) {
      lastKey = undefined;
      return;
    }
    if (/^\s/.test(raw) && cur && lastKey !== undefined) {
      cur.set(lastKey, `${cur.get(lastKey)}\n${raw.trim()}`);
      return;
    }
    const sec = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (sec) {
      const name = sec[1];
      cur = out.get(name) ?? new Map();
      out.set(name, cur);
      lastKey = undefined;
      return;
    }
    const kv = /^\s*([^=:]+?)\s*[=:]\s*(.*?)\s*$/.exec(raw);
    if (o.lenient && (!cur || !kv)) return;
    if (!cur) throw new IniError(file, i + 1, 'File contains no section headers.');
    if (!kv) throw new IniError(file, i + 1, `not a 'key = value' line: ${JSON.stringify(raw)}`);
    lastKey = kv[1].toLowerCase();
    cur.set(lastKey, kv[2]);
  });
  return out;
}

/** configparser's read(): a missing or unreadable file is an empty one. */
export function readIniFile(file: string | undefined, o: IniOptions = {}): Ini {
  if (!file) return new Map();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return new Map();
  }
  return parseIni(text, file, o);
}

export function iniGet(ini: Ini, section: string, key: string, raw = false): string | undefined {
  const v = ini.get(section)?.get(key.toLowerCase());
  return v === undefined || raw ? v : v.replace(/%%/g, '%');
}

/** configparser's getboolean */
export function iniBool(ini: Ini, section: string, key: string): boolean | undefined {
  const v = iniGet(ini, section, key)?.toLowerCase();
  if (v === undefined) return undefined;
  if (['1', 'yes', 'true', 'on'].includes(v)) return true;
  if (['0', 'no', 'false', 'off'].includes(v)) return false;
  return undefined;
}

export function iniInt(ini: Ini, section: string, key: string): number | undefined {
  const v = iniGet(ini, section, key);
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return undefined;
  return Number(v);
}

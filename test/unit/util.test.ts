// The one INI reader (strict as configparser for cqlsh's files, lenient for ~/.aws files) and the
// one errno table.
import { describe, expect, it } from 'vitest';
import { osErrorPlain, osErrorText, strerror } from '../../src/util/errno.js';
import { parseIni } from '../../src/util/ini.js';

const errno = (code: string, errno: number, message = `${code}: message`) => Object.assign(new Error(message), { code, errno: -errno });

describe('INI', () => {
  it('refuses what configparser refuses, unless lenient', () => {
    expect(() => parseIni('k = v\n[a]\n', 'f')).toThrow('f, line 1: File contains no section headers.');
    expect(() => parseIni('[a]\nnot a pair\n', 'f')).toThrow("f, line 2: not a 'key = value' line");
    const ini = parseIni('k = v\n[default]\nregion = eu-west-1\nnot a pair\n[profile x]\nRegion: us-east-1\n', 'f', { lenient: true });
    expect(ini.get('default')?.get('region')).toBe('eu-west-1');
    expect(ini.get('profile x')?.get('region')).toBe('us-east-1');
    expect([...ini.keys()]).toEqual(['default', 'profile x']);
  });
});

describe('errno', () => {
  it("words OS errors as Python's OSError", () => {
    expect(osErrorText(errno('ENOENT', 2), "it's")).toBe(`[Errno 2] No such file or directory: "it's"`);
    expect(osErrorPlain(errno('EPIPE', 32))).toBe('[Errno 32] Broken pipe');
    expect(osErrorPlain(errno('EWEIRD', 99, 'weird'))).toBe('[Errno 99] weird');
    expect(strerror(errno('EACCES', 13))).toBe('Permission denied');
  });
});

// COPY TO's ENCODING: the text of the output file in a Python codec that Node can write
// (UTF-8, UTF-8 with BOM, Latin-1, ASCII, UTF-16 with BOM, UTF-16LE/BE). A character the codec
// cannot hold fails that write with Python's UnicodeEncodeError wording, never a silent '?'.

export class UnicodeEncodeError extends Error {
  override name = 'UnicodeEncodeError';
}

export interface TextEncoding {
  /** the codec's name as given */
  name: string;
  /** bytes at the start of each file (a BOM), if any */
  preamble: Buffer;
  /** the bytes of `text`, or the text itself when it goes out as UTF-8 */
  encode(text: string): Buffer | string;
}

export type Codec = 'utf-8' | 'utf-8-sig' | 'latin-1' | 'ascii' | 'utf-16' | 'utf-16-le' | 'utf-16-be';

const CANONICAL: Record<string, Codec> = {
  utf8: 'utf-8',
  u8: 'utf-8',
  utf: 'utf-8',
  cp65001: 'utf-8',
  utf8sig: 'utf-8-sig',
  latin1: 'latin-1',
  iso88591: 'latin-1',
  '8859': 'latin-1',
  cp819: 'latin-1',
  l1: 'latin-1',
  latin: 'latin-1',
  ascii: 'ascii',
  usascii: 'ascii',
  '646': 'ascii',
  utf16: 'utf-16',
  u16: 'utf-16',
  utf16le: 'utf-16-le',
  utf16be: 'utf-16-be',
};

/** Throws for the first character of `text` above `limit` (the caller knows there is one). */
function checkRange(text: string, codec: string, limit: number): never {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > limit) {
      const cp = text.codePointAt(i)!;
      const esc =
        cp > 0xffff
          ? `\\U${cp.toString(16).padStart(8, '0')}`
          : cp > 0xff
            ? `\\u${cp.toString(16).padStart(4, '0')}`
            : `\\x${cp.toString(16).padStart(2, '0')}`;
      throw new UnicodeEncodeError(`'${codec}' codec can't encode character '${esc}': ordinal not in range(${limit + 1})`);
    }
  }
  throw new UnicodeEncodeError(`'${codec}' codec can't encode the text`);
}

/** The Python codec a name stands for (any case, with or without - and _), of those COPY knows by name. */
export function codecOf(name: string): Codec | undefined {
  return CANONICAL[
    name
      .trim()
      .toLowerCase()
      .replace(/[-_\s]/g, '')
  ];
}

const BEYOND_LATIN1 = /[^\x00-\xff]/;
const BEYOND_ASCII = /[^\x00-\x7f]/;

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

/** The writer of a codec name (Python's names, any case, - or _), or null for one Node cannot write. */
export function encodingFor(name: string): TextEncoding | null {
  switch (codecOf(name)) {
    case 'utf-8':
      return { name, preamble: Buffer.alloc(0), encode: (t) => t };
    case 'utf-8-sig':
      return { name, preamble: Buffer.from([0xef, 0xbb, 0xbf]), encode: (t) => t };
    case 'latin-1':
      return { name, preamble: Buffer.alloc(0), encode: (t) => (BEYOND_LATIN1.test(t) ? checkRange(t, 'latin-1', 0xff) : Buffer.from(t, 'latin1')) };
    case 'ascii':
      return { name, preamble: Buffer.alloc(0), encode: (t) => (BEYOND_ASCII.test(t) ? checkRange(t, 'ascii', 0x7f) : Buffer.from(t, 'latin1')) };
    case 'utf-16':
      // Python's utf-16 codec: a BOM, then the machine's order (little-endian here)
      return { name, preamble: Buffer.from([0xff, 0xfe]), encode: (t) => Buffer.from(t, 'utf16le') };
    case 'utf-16-le':
      return { name, preamble: Buffer.alloc(0), encode: (t) => Buffer.from(t, 'utf16le') };
    case 'utf-16-be':
      return { name, preamble: Buffer.alloc(0), encode: (t) => utf16be(t) };
    default:
      return null;
  }
}

// COPY FROM's files decoded with ENCODING: Python codec names mapped to what Node decodes
// (latin-1 is true ISO-8859-1 here, not the WHATWG windows-1252 alias; utf-16 follows its BOM),
// streamed so that a character cut between two reads is decoded whole.
import fs from 'node:fs';
import { LineReader } from '../cql/splitter.js';
import { codecOf, type Codec } from './charset.js';
import type { Source } from './sources.js';

export interface Decoder {
  decode(chunk: Buffer, end: boolean): string;
}

/** what TextDecoder calls the codecs COPY knows by name (ascii is read as latin-1: lenient) */
const DECODER: Record<Codec, string> = {
  'utf-8': 'utf-8',
  'utf-8-sig': 'utf-8',
  'latin-1': 'latin1',
  ascii: 'latin1',
  'utf-16': 'utf-16',
  'utf-16-le': 'utf-16le',
  'utf-16-be': 'utf-16be',
};

/** A streaming decoder for a Python codec name, or null when Node has no such encoding. */
export function decoderFor(encoding: string): (() => Decoder) | null {
  const codec = codecOf(encoding);
  const name = codec ? DECODER[codec] : encoding.trim().toLowerCase().replaceAll('_', '-');
  if (name === 'latin1') return () => ({ decode: (b) => b.toString('latin1') });
  if (name === 'utf-16') {
    // Python's utf-16: the BOM says the byte order (little-endian without one)
    return () => {
      let d: InstanceType<typeof TextDecoder> | undefined;
      return {
        decode(b, end) {
          d ??= new TextDecoder(b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : 'utf-16le');
          return d.decode(b, { stream: !end });
        },
      };
    };
  }
  try {
    new TextDecoder(name);
  } catch {
    return null;
  }
  return () => {
    const d = new TextDecoder(name);
    return { decode: (b, end) => d.decode(b, { stream: !end }) };
  };
}

/** A file source that also hands out its lines a read at a time (one await per read, not per line). */
export function decodedFileSource(name: string, read: { bytes: number }, decoder: () => Decoder): Source & { lineBatches(): AsyncGenerator<string[]> } {
  async function* lineBatches(): AsyncGenerator<string[]> {
    const lr = new LineReader('newlines');
    const dec = decoder();
    const stream = fs.createReadStream(name, { highWaterMark: 64 * 1024 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read.bytes += chunk.length;
      const lines = lr.push(dec.decode(chunk, false));
      if (lines.length) yield lines;
    }
    const tail = dec.decode(Buffer.alloc(0), true);
    const lines = tail ? lr.push(tail) : [];
    const last = lr.end();
    if (last !== null) lines.push(last);
    if (lines.length) yield lines;
  }
  return {
    name,
    size: fs.statSync(name).size,
    lineBatches,
    async *lines() {
      for await (const b of lineBatches()) yield* b;
    },
  };
}

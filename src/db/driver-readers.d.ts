// The driver's frame reader (not part of its typed API): db/errors.ts keeps the server's own text
// of errors whose message the driver rewrites.
declare module 'cassandra-driver/lib/readers.js' {
  export class FrameReader {
    offset: number;
    readInt(): number;
    readString(): string;
    readError(): Error;
  }
}

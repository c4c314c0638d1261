// OS errors as Python words them (cqlsh prints str() of an OSError): the errno number and
// strerror text of each code Node gives, `[Errno 2] No such file or directory: 'x'`. One table.
import { pyStrRepr as pyRepr } from '../format/pyvalues.js';

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EPERM: [1, 'Operation not permitted'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
  ELOOP: [40, 'Too many levels of symbolic links'],
  ENAMETOOLONG: [36, 'File name too long'],
  EROFS: [30, 'Read-only file system'],
  ENOSPC: [28, 'No space left on device'],
  EMFILE: [24, 'Too many open files'],
  ENXIO: [6, 'No such device or address'],
  ETXTBSY: [26, 'Text file busy'],
  EPIPE: [32, 'Broken pipe'],
  EIO: [5, 'Input/output error'],
  EBADF: [9, 'Bad file descriptor'],
};

/** The strerror text of an OS error (Node's message for a code the table lacks). */
export function strerror(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return (err.code ? ERRNO[err.code]?.[1] : undefined) ?? err.message;
}

/** Python's str() of an OSError without a file name: `[Errno 32] Broken pipe`. */
export function osErrorPlain(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const known = err.code ? ERRNO[err.code] : undefined;
  const [num, text] = known ?? [Math.abs(err.errno ?? 0), err.message];
  return `[Errno ${num}] ${text}`;
}

/** Python's str() of an OSError about `path`: `[Errno 2] No such file or directory: 'path'`. */
export function osErrorText(e: unknown, path: string): string {
  return `${osErrorPlain(e)}: ${pyRepr(path)}`;
}

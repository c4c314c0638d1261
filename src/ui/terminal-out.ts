// The terminal stream Ink draws on, with one sequence made safe. To erase its frame before writing
// above it, Ink moves to the frame's first row and erases to the end of the screen (ED 0). When
// that row is the top of the screen (after Ctrl-L or CLEAR), tmux, with its default
// scroll-on-clear, and some terminals take an erase from the home position for a clear of the
// whole screen and push the rows into the scrollback: a stale copy of the prompt is left there.
// Erasing the first row on its own (EL) and the rest from the row below does the same without
// ever erasing from home.

const ERASE_DOWN = '\x1b[J';
/** erase to the end of the row; save the cursor; next row, first column; erase down; restore */
const SAFE_ERASE_DOWN = '\x1b[K\x1b7\x1b[1B\x1b[1G\x1b[J\x1b8';

export function safeEraseDown(text: string): string {
  return text.includes(ERASE_DOWN) ? text.split(ERASE_DOWN).join(SAFE_ERASE_DOWN) : text;
}

/** `stdout` for Ink: the same stream (size, events, TTY), its writes passed through safeEraseDown. */
export function inkStdout(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = (chunk: unknown, ...rest: unknown[]): boolean =>
    (stdout.write as (c: unknown, ...r: unknown[]) => boolean)(typeof chunk === 'string' ? safeEraseDown(chunk) : chunk, ...rest);
  return new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') return write;
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

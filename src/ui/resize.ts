// Narrowing the terminal makes it re-flow the prompt rows already on screen: a row wider than the
// new width now takes several. Ink then clears its frame from the cursor's row up by the rows it
// knows of, and the re-flowed rows above the cursor would be left behind. This listener runs
// before Ink's and moves the cursor up by exactly those extra rows.
import { cells } from './buffer.js';
import type { View } from './controller.js';
import { promptLayout } from './prompt-rows.js';

/** Rows the re-flow added above the cursor when `oldWidth` became `newWidth`. */
export function reflowedRowsAboveCursor(view: View, oldWidth: number, newWidth: number): number {
  if (view.mode !== 'edit' || newWidth >= oldWidth) return 0;
  const l = promptLayout(view, Math.max(1, oldWidth - 1));
  let extra = 0;
  for (let r = 0; r < l.cursor.y; r++) extra += Math.max(1, Math.ceil(cells(l.rows[r]) / newWidth)) - 1;
  return extra + Math.floor(l.cursor.x / newWidth);
}

export function fixReflowOnResize(stdout: NodeJS.WriteStream, view: () => View): () => void {
  let width = stdout.columns || 80;
  const onResize = () => {
    const w = stdout.columns || 80;
    const extra = reflowedRowsAboveCursor(view(), width, w);
    if (extra > 0) stdout.write(`\x1b[${extra}A`);
    width = w;
  };
  stdout.prependListener('resize', onResize);
  return () => {
    stdout.off('resize', onResize);
  };
}

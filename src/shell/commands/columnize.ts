// Python's cmd.Cmd.columnize, which cqlsh's HELP uses: lay words out down columns, in as few rows
// as fit `width`, two spaces between columns, each row's trailing empty cells dropped.

export function columnize(words: readonly string[], width = 80): string[] {
  if (words.length === 0) return ['<empty>'];
  if (words.length === 1) return [words[0]];
  const n = words.length;
  let rows = n;
  let widths: number[] = [0];
  for (let r = 1; r < n; r++) {
    const cols = Math.ceil(n / r);
    const w: number[] = [];
    let total = -2;
    for (let c = 0; c < cols; c++) {
      let cw = 0;
      for (let i = c * r; i < Math.min(n, (c + 1) * r); i++) cw = Math.max(cw, words[i].length);
      w.push(cw);
      total += cw + 2;
      if (total > width) break;
    }
    if (total <= width) {
      rows = r;
      widths = w;
      break;
    }
  }
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < widths.length; c++) cells.push(words[r + c * rows] ?? '');
    while (cells.length && !cells[cells.length - 1]) cells.pop();
    lines.push(cells.map((s, c) => s.padEnd(widths[c])).join('  '));
  }
  return lines;
}

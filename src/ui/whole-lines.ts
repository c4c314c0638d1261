// Ink draws its frame (the prompt) from the start of a row and erases that row before it writes
// anything above the frame: text that does not end a line would be erased with it. So output
// reaches Ink in whole lines only; the unfinished end of a line is held until its line end comes,
// or until `flush` ends it (the statement is over, a prompt is about to be drawn).

/** A screen clear leaves the cursor at home: the start of a row, as good as a line end. */
const CLEARED = /\x1b\[H\x1b\[2J(?:\x1b\[3J)?$/;

export class WholeLines {
  private held = '';

  constructor(private readonly sink: (text: string) => void) {}

  write(text: string): void {
    const s = this.held + text;
    if (CLEARED.test(s)) {
      this.held = '';
      this.sink(s);
      return;
    }
    const end = s.lastIndexOf('\n') + 1;
    this.held = s.slice(end);
    if (end > 0) this.sink(s.slice(0, end));
  }

  /** Ends a held unfinished line (with a line end: the frame needs a row of its own). */
  flush(): void {
    if (!this.held) return;
    const s = this.held;
    this.held = '';
    this.sink(s + '\n');
  }

  get holding(): boolean {
    return this.held !== '';
  }
}

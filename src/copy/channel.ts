// An async queue from COPY's workers to the command's generator: `send` resolves once the
// consumer has taken the item (so a slow stdout slows the producers down).
export class Channel<T> {
  private items: { value: T; taken: () => void }[] = [];
  private wake: (() => void) | undefined;
  private closed = false;

  send(value: T): Promise<void> {
    return new Promise((taken) => {
      this.items.push({ value, taken });
      this.wake?.();
    });
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      const item = this.items.shift();
      if (item) {
        item.taken();
        yield item.value;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((r) => (this.wake = r));
      this.wake = undefined;
    }
  }
}

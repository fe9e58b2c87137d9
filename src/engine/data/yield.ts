/**
 * Lets the event loop run (so that a Web Worker sees a cancel message) between batches.
 *
 * @example await yieldToEventLoop()
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Yields to the event loop at most every `intervalMs` of work: often enough for a cancel to
 * be seen quickly, rarely enough that timer clamping (4 ms in browsers) costs little.
 *
 * @example const pace = new Pacer(); for (const chunk of chunks) { work(chunk); await pace.tick(); }
 */
export class Pacer {
  private last = performance.now();

  constructor(private readonly intervalMs = 50) {}

  async tick(): Promise<void> {
    if (performance.now() - this.last < this.intervalMs) return;
    await yieldToEventLoop();
    this.last = performance.now();
  }
}

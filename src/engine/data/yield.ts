/**
 * Yielding to the event loop between batches, so that a Web Worker sees a cancel message (and
 * Node its signals) during long work.
 *
 * Not with setTimeout(0): browsers clamp nested timers to at least 4 ms, and Node's timers to
 * 1 ms. In the benchmark worker (Chromium 150) a timer yield took 5.2 ms, a MessageChannel
 * yield 0.33 ms, and a cancel message posted during the work was seen as soon with either
 * (bench/README.md). So: setImmediate where it exists (Node), a message to ourselves through
 * a MessageChannel in browsers and workers (a task like the cancel message, queued behind it),
 * setTimeout only where neither exists.
 */

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/**
 * The browsers' yield (exported for tests): resolves in a task of its own, after one message
 * through a MessageChannel kept for all calls.
 *
 * @example await yieldViaChannel()
 */
export function yieldViaChannel(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // Node (tests only; Node yields with setImmediate): the port must not keep the process alive
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/**
 * Lets the event loop run (so that a Web Worker sees a cancel message) between batches.
 *
 * @example await yieldToEventLoop()
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel === 'function') return yieldViaChannel();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Yields to the event loop at most every `intervalMs` of work: often enough for a cancel to
 * be seen quickly, rarely enough that the yields cost little.
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

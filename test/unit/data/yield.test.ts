/**
 * Issue 3 (overhead in Chromium): the batch loops yield to the event loop without timers
 * (setTimeout is clamped to 4 ms in browsers). A yield must still let a message that is
 * already waiting be handled first: that is how a Web Worker sees a cancel.
 */
import { describe, expect, it } from 'vitest';
import { Pacer, yieldToEventLoop, yieldViaChannel } from '../../../src/engine/data/yield.ts';

/** A port whose message is posted now, as the page posts a cancel to the engine's worker. */
function pendingMessage(): { seen: () => boolean; close: () => void } {
  const { port1, port2 } = new MessageChannel();
  let seen = false;
  port1.onmessage = () => (seen = true);
  port2.postMessage('cancel');
  return { seen: () => seen, close: () => (port1.close(), port2.close()) };
}

describe('yielding between batches (issue 3)', () => {
  for (const [label, yieldNow] of [['yieldToEventLoop (Node: setImmediate)', yieldToEventLoop], ['yieldViaChannel (browsers)', yieldViaChannel]] as const) {
    it(`${label}: a message that waits is handled before the work goes on`, async () => {
      const m = pendingMessage();
      expect(m.seen()).toBe(false);
      await yieldNow();
      await yieldNow(); // Node delivers port messages in the poll phase of the loop turn
      expect(m.seen()).toBe(true);
      m.close();
    });
  }

  it('yieldViaChannel: yields waiting at the same time all resume, in order', async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((i) => yieldViaChannel().then(() => order.push(i))));
    expect(order).toEqual([1, 2, 3]);
  });

  it('Pacer yields only after its interval of work', async () => {
    const m = pendingMessage();
    const pace = new Pacer(60_000);
    await pace.tick();
    await pace.tick();
    expect(m.seen()).toBe(false); // no yield within the interval
    const eager = new Pacer(0);
    await eager.tick();
    await eager.tick();
    expect(m.seen()).toBe(true);
    m.close();
  });
});

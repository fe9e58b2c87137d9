/**
 * A growing dictionary of category levels in order of first appearance, with the row where
 * each level first appeared (for warnings that point at a row). Codes are the level's index.
 */
export class Levels {
  readonly values: string[] = [];
  /** 0-based data row where each level first appeared. */
  readonly firstRow: number[] = [];
  private readonly index = new Map<string, number>();

  /**
   * The code of a value, adding it as a new level if it is new.
   *
   * @example const l = new Levels(); l.code('a', 0); l.code('b', 1); l.code('a', 2) // 0
   */
  code(value: string, row: number): number {
    let c = this.index.get(value);
    if (c === undefined) {
      c = this.values.length;
      // Copy the text so that the level does not keep a whole parsed chunk alive (V8 keeps
      // substrings as slices of their parent string).
      const own = value.length > 12 ? (' ' + value).slice(1) : value;
      this.index.set(own, c);
      this.values.push(own);
      this.firstRow.push(row);
    }
    return c;
  }

  get size(): number {
    return this.values.length;
  }
}

/** An Int32Array that doubles when full; used for codes while rows arrive. */
export class GrowableInt32 {
  data: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** The filled part, copied when much of the buffer is unused. */
  finish(): Int32Array {
    const used = this.data.subarray(0, this.length);
    return this.data.length - this.length > (this.length >> 3) ? used.slice() : used;
  }
}

/** A Float64Array that doubles when full; used for numbers while rows arrive. */
export class GrowableFloat64 {
  data: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, capacity));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  /** The filled part, copied when much of the buffer is unused. */
  finish(): Float64Array {
    const used = this.data.subarray(0, this.length);
    return this.data.length - this.length > (this.length >> 3) ? used.slice() : used;
  }
}

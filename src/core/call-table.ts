/**
 * Calls in flight, by a sequence number the gateway gave them, in a ring of slots: what a Map
 * or a Set of calls would hold, without their cost to the garbage collector.
 *
 * Why not a Map: a Map (or Set) with calls coming and going rehashes its table every few dozen
 * calls, and V8 leaves the old table's entries in place. Once a table has lived long enough to
 * be promoted to the old generation, the calls it held when it was replaced stay reachable from
 * it until the next full collection: each young collection copies, then promotes, them and
 * everything they reach (context, arguments, promises), and the old generation fills with dead
 * calls. With 16 calls in flight (gw-bare) ~110 KB was promoted per scavenge with Maps, 4 KB
 * with these tables (docs/performance.md, "Round 11: one call"). A slot is cleared when its
 * call leaves, so nothing stale points at a finished call.
 *
 * Sequence numbers are consecutive, so the calls in flight fall in distinct slots as long as
 * fewer than `capacity` numbers separate the oldest from the newest; a call still running when
 * its slot comes round again (one slow call among many fast ones) moves to a small Map on the
 * side, rather than the ring growing with every lap it stays.
 */
export class CallTable<T> {
  private slots: (T | undefined)[];
  private seqs: number[];
  private mask: number;
  /** Calls whose slot was taken when they arrived; rare (a long call lapped by the ring). */
  private overflow: Map<number, T> | undefined = undefined;
  private count = 0;

  constructor(capacity = 256) {
    let size = 16;
    while (size < capacity) size *= 2;
    this.slots = new Array<T | undefined>(size).fill(undefined);
    this.seqs = new Array<number>(size).fill(-1);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds `item` under `seq` (a non-negative integer not in the table). */
  set(seq: number, item: T): void {
    const index = seq & this.mask;
    if (this.slots[index] === undefined) {
      this.slots[index] = item;
      this.seqs[index] = seq;
    } else {
      if (this.seqs[index] === seq || this.overflow?.has(seq) === true)
        throw new Error(`call ${String(seq)} is in the table already`);
      (this.overflow ??= new Map()).set(seq, item);
    }
    this.count++;
  }

  get(seq: number): T | undefined {
    const index = seq & this.mask;
    if (this.seqs[index] === seq) return this.slots[index];
    return this.overflow?.get(seq);
  }

  has(seq: number): boolean {
    return this.get(seq) !== undefined;
  }

  /** Removes the item under `seq`; false when there was none. */
  delete(seq: number): boolean {
    const index = seq & this.mask;
    if (this.seqs[index] === seq && this.slots[index] !== undefined) {
      this.slots[index] = undefined;
      this.seqs[index] = -1;
      this.count--;
      return true;
    }
    const overflow = this.overflow;
    if (overflow?.delete(seq) !== true) return false;
    if (overflow.size === 0) this.overflow = undefined;
    this.count--;
    return true;
  }

  /** The items, in no particular order: a copy, so the table may change while it is walked. */
  values(): T[] {
    const items: T[] = [];
    if (this.count === 0) return items;
    for (const item of this.slots) if (item !== undefined) items.push(item);
    if (this.overflow !== undefined) for (const item of this.overflow.values()) items.push(item);
    return items;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.seqs.fill(-1);
    this.overflow = undefined;
    this.count = 0;
  }
}

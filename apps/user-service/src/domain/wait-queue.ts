/**
 * The checks waiting for a turn at one account in this replica's memory (the login throttle while
 * Redis is unreachable), in the order they came: what the Redis queue's sorted sets hold, at a cost
 * per look that does not grow with the queue. Before, each look copied the queue to find its place
 * and went over every waiter for lapses: thousands of logins waiting on one account during an
 * outage cost each look thousands of steps, the queue quadratic CPU.
 *
 * A FIFO with a head index: the ids in the order they came, a map of the live ones. A waiter that
 * leaves (admitted, given up, lapsed) stays in the array as a dead entry, passed over by the head
 * and dropped when the dead outnumber the live (amortised constant per leave). A look counts the
 * waiters ahead only up to a limit, what the caller's rule can tell apart (the account's free slots:
 * at most maxFailures), so it reads at most that many live entries. A lapse is found when a look
 * reaches it, or by expire() (the store's sweep): one lapsed deeper in the queue than any look reads
 * holds no one back.
 */

interface Waiter {
  /** Which entry of `order` is this waiter's: an id that left and came back is a new entry. */
  readonly seq: number;
  lapsesAt: number;
}

/** Dead entries tolerated before the array is rebuilt, whatever the live count (a short queue is cheap to scan). */
const COMPACT_AT_LEAST = 64;

export class WaitQueue {
  #order: { readonly id: string; readonly seq: number }[] = [];
  #head = 0;
  #seq = 0;
  /** Entries of `order` from `head` on whose waiter left (those before `head` are all gone). */
  #dead = 0;
  readonly #waiters = new Map<string, Waiter>();

  /** The waiters held (a lapsed one not yet found included). */
  get size(): number {
    return this.#waiters.size;
  }

  has(id: string): boolean {
    return this.#waiters.has(id);
  }

  /**
   * How many waiters are ahead of `id` at `now` (all of them when it is not waiting, or its own
   * place lapsed: it comes back at the end), counted up to `limit`. Lapsed waiters it meets leave.
   */
  ahead(id: string, now: number, limit: number): number {
    const own = this.#waiters.get(id);
    if (own && own.lapsesAt <= now) this.#drop(id);
    let count = 0;
    // Drops only while reading: the array is rebuilt after, not under the loop.
    for (let i = this.#head; i < this.#order.length && count < limit; i++) {
      const entry = this.#order[i]!;
      const waiter = this.#waiters.get(entry.id);
      if (waiter?.seq !== entry.seq) continue;
      if (entry.id === id) break;
      if (waiter.lapsesAt <= now) this.#drop(entry.id);
      else count++;
    }
    this.#tidy();
    return count;
  }

  /** `id` waits until `lapsesAt` unless it looks again: at the end of the queue, or where it already is. */
  enter(id: string, lapsesAt: number): void {
    const waiter = this.#waiters.get(id);
    if (waiter) {
      waiter.lapsesAt = lapsesAt;
      return;
    }
    const seq = this.#seq++;
    this.#waiters.set(id, { seq, lapsesAt });
    this.#order.push({ id, seq });
  }

  /** `id` waits no more (admitted, gone, lapsed); nothing when it was not waiting. */
  leave(id: string): void {
    this.#drop(id);
    this.#tidy();
  }

  /** Every waiter whose place lapsed at `now` leaves (the store's periodic sweep: one pass over the queue). */
  expire(now: number): void {
    for (const [id, waiter] of this.#waiters) if (waiter.lapsesAt <= now) this.#drop(id);
    this.#tidy();
  }

  #drop(id: string): void {
    if (this.#waiters.delete(id)) this.#dead++;
  }

  #live(i: number): boolean {
    const entry = this.#order[i]!;
    return this.#waiters.get(entry.id)?.seq === entry.seq;
  }

  #tidy(): void {
    while (this.#head < this.#order.length && !this.#live(this.#head)) {
      this.#head++;
      this.#dead--;
    }
    // The entries passed and the dead ahead: rebuilt once they outnumber the live, so the array stays
    // within twice the queue and each entry is copied a bounded number of times.
    const garbage = this.#head + this.#dead;
    if (garbage > COMPACT_AT_LEAST && garbage > this.#waiters.size) {
      this.#order = this.#order.slice(this.#head).filter((entry) => this.#waiters.get(entry.id)?.seq === entry.seq);
      this.#head = 0;
      this.#dead = 0;
    }
  }
}

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

/**
 * Places are numbered across every queue of the process: a check whose account's queue emptied
 * (its own place lapsed with the rest) and was made anew takes back a place before all of the new one's.
 */
let nextSeq = 0;

export class WaitQueue {
  #order: { readonly id: string; readonly seq: number }[] = [];
  #head = 0;
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
    const seq = nextSeq++;
    this.#waiters.set(id, { seq, lapsesAt });
    this.#order.push({ id, seq });
  }

  /** Where `id` waits (a number to hand to rejoin), undefined when it does not. */
  placeOf(id: string): number | undefined {
    return this.#waiters.get(id)?.seq;
  }

  /**
   * `id` takes back the place `place` it held (placeOf) and lost to a lapse while it still waited (its
   * process stalled past the lapse, found or not yet): among the others by when it came, not at the
   * end. Nothing for another place than its own while it waits, or for a place never given. Whether
   * its place had lapsed at `now` (found or not yet), as a Redis look that takes its place back.
   */
  rejoin(id: string, place: number, now: number, lapsesAt: number): boolean {
    const waiter = this.#waiters.get(id);
    if (waiter) {
      if (waiter.seq !== place) return false;
      const lapsed = waiter.lapsesAt <= now;
      waiter.lapsesAt = lapsesAt;
      return lapsed;
    }
    if (place >= nextSeq) return false;
    // The array is in the order places were given (pushed in order; a rebuild keeps it).
    let at = 0;
    for (let hi = this.#order.length; at < hi; ) {
      const mid = (at + hi) >>> 1;
      if (this.#order[mid]!.seq < place) at = mid + 1;
      else hi = mid;
    }
    const kept = this.#order[at]?.seq === place;
    if (!kept) this.#order.splice(at, 0, { id, seq: place });
    // Before the head every entry is dead: the head moves back to it, those passed counted dead again.
    if (at < this.#head) {
      this.#dead += this.#head - at - (kept ? 1 : 0);
      this.#head = at;
    } else if (kept) this.#dead--;
    this.#waiters.set(id, { seq: place, lapsesAt });
    return true;
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

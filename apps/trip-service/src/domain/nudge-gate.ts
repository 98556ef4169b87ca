/**
 * Bounds the nudge reads of a replica (catalog SCHEDULE_NUDGE_READS): `atOnce` run, up to
 * `waitingMax` wait in arrival order, and one more is refused at once. Hand-written rather than
 * p-limit: it is in the lockfile only for another tool (as for inTurn in schedules.ts), and this
 * is all of it.
 */
export interface NudgeGate {
  /** Runs `work` in its turn; false, `work` never run, when `waitingMax` already wait. */
  run(work: () => Promise<void>): Promise<boolean>;
}

export const nudgeGate = (atOnce: number, waitingMax: number): NudgeGate => {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(work) {
      if (running < atOnce) running++;
      else if (waiting.length >= waitingMax) return false;
      // The slot is handed over by the run that ends (running unchanged), so none arriving meanwhile takes it.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        await work();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else running--;
      }
      return true;
    },
  };
};

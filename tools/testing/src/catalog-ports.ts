/**
 * The catalog's service ports (3001-3004) are bound by a few test files on purpose: the probe test
 * (the rendered port contract) and the test of `npm run dev` (every service on its catalog port).
 * Files run at once (vitest.config.ts), so they take turns through this lock: a folder made
 * atomically in the temporary folder, holding its owner's pid; a lock whose owner is gone is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LOCK = path.join(os.tmpdir(), 'tripgen-catalog-ports.lock');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const owner = (): number => {
  try {
    return Number(readFileSync(path.join(LOCK, 'pid'), 'utf8'));
  } catch {
    return 0;
  }
};

/** Waits until this process holds the catalog ports (at most `timeoutMs`); resolves with the release. */
export const holdCatalogPorts = async (timeoutMs = 600_000): Promise<() => void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    // A pid not written yet (0) is an owner that is still taking the lock.
    const pid = owner();
    if (pid > 0 && !alive(pid)) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`the catalog ports stayed held by process ${pid} (${LOCK}) for ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
};

/**
 * Runs an app as a process: listen, then on SIGTERM/SIGINT flip readiness to "draining" and stop
 * taking messages (kit.onDrain: consumers finish what they hold), wait SHUTDOWN_DELAY_MS (the time
 * Kubernetes needs to take the pod out of its endpoints), close the server (Fastify waits for
 * in-flight requests; the kit then waits for the consumers and stops relays and pools) and exit.
 * An unhandled promise rejection is logged and drained the same way, with exit code 1.
 * While it serves, the heap a burst left behind is given back once the process is quiet
 * (idle-heap-reducer.ts, issue 15).
 */
import type { App } from './app.ts';
import { startIdleHeapReducer } from './idle-heap-reducer.ts';

const MiB = 2 ** 20;

/** Where a shutdown is (for the line of one that outlasts its time). */
type Phase = 'drain delay' | 'closing';

export const drainAndClose = async (app: App, onPhase: (phase: Phase) => void = () => undefined): Promise<void> => {
  app.kit.drain();
  onPhase('drain delay');
  const delay = app.kit.config.shutdownDelayMs;
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  onPhase('closing');
  // A request cut here never reaches its response log line: say how many were still open. Cut after
  // kit.closeGraceMs, connections still open (a client that ignores `Connection: close`).
  const closeGraceMs = app.kit.closeGraceMs;
  const cut = setTimeout(() => {
    app.server.getConnections((_err, open) => {
      app.log.warn({ open, closeGraceMs }, 'connections still open after the close grace; cut');
      app.server.closeAllConnections();
    });
  }, closeGraceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
};

export const runService = async (app: App): Promise<void> => {
  const { port, host } = app.kit.config;
  let stopping = false;
  let exitCode = 0;
  const stop = (reason: string, code: number) => {
    // A failure during a drain (an unhandled rejection after SIGTERM) still exits non-zero, so the restart shows.
    exitCode = Math.max(exitCode, code);
    if (stopping) {
      if (code === 0) app.log.warn({ reason }, 'already draining; signal ignored');
      return;
    }
    stopping = true;
    app.log.info({ reason }, 'draining before exit');
    let phase: Phase = 'drain delay';
    // Before the kubelet's SIGKILL, which leaves no line: say what the shutdown still waits for.
    setTimeout(() => {
      app.log.error({ reason, phase, pending: app.kit.pendingShutdownSteps() }, 'shutdown outlasted its time; exiting before the kill');
      process.exit(1);
    }, app.kit.shutdownDeadlineMs).unref();
    drainAndClose(app, (p) => (phase = p)).then(
      () => process.exit(exitCode),
      (err: unknown) => {
        app.log.error({ err }, 'unclean shutdown');
        process.exit(1);
      },
    );
  };
  // `on`, not `once`: a second signal during the drain (a pod deleted again with a shorter grace
  // period, a repeated stop, a second Ctrl-C) would otherwise find no listener, and Node's default
  // ends the process at once, resetting every request in flight. The kubelet's SIGKILL at the end
  // of the grace period bounds the drain anyway.
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  // Node would print these to stderr, outside the JSON logs, and stop at once. A promise nobody
  // awaited leaves the process sound: drain like a SIGTERM and exit non-zero so the restart shows.
  // A thrown exception may have left state half-changed: log it and exit straight away.
  process.on('uncaughtException', (err, origin) => {
    app.log.fatal({ err, origin }, origin === 'unhandledRejection' ? 'unhandled promise rejection' : 'uncaught exception');
    if (origin === 'unhandledRejection') stop('unhandledRejection', 1);
    else process.exit(1);
  });
  await app.listen({ port, host });
  // Its timer is unref'd: it never holds the process open, so the shutdown above need not stop it.
  startIdleHeapReducer({
    others: () => app.kit.heapsReducedWhenQuiet(),
    onReduced: (r, heap) => app.log.info({ heap, heapBeforeMiB: Math.round(r.beforeBytes / MiB), heapAfterMiB: Math.round(r.afterBytes / MiB), ms: Math.round(r.ms) }, 'idle heap reduced'),
    onFailed: (err, heap) => app.log.warn({ heap, err }, 'idle heap reduction failed'),
  });
};

/**
 * The kubelet's probes, asked by the local stack of every service process it starts (`npm run dev`,
 * the benchmarks): the startup probe until it answers (spawnService), then the readiness probe until
 * it succeeds, as the kubelet asks readiness once startup passed. A service takes its first readiness
 * success for the moment its Service's endpoints list it: the AI service's run of service begins then
 * (ai-service served-since.ts). Never asked, its run began SERVED_SINCE.unprobedMs (a minute) after
 * it listened, and every schedule request of that minute went round the queue once (bench:schedule
 * p95 2,457 ms against 1,598).
 */
import { HEALTH_PATHS, PROBE_TIMING, startupBudgetMs } from '@tripgen/catalog';
import type { NodeProcess } from './processes.ts';

/**
 * How long a started service may take to answer its startup probe: as long as the kubelet lets a pod
 * start before it restarts it (catalog startupBudgetMs, 5 minutes), which is also how long the
 * service's own start work may take (the kit's pluginTimeout). With a bound of its own (60 s, the
 * processes' default) a start that the cluster and the service itself still allow, slowed by a busy
 * machine (a bench beside other test files), failed here.
 */
export const STARTUP_WAIT_MS = startupBudgetMs();

/**
 * How long a started service may fail its readiness before its start fails: the time the kubelet
 * takes to count a pod unready (failureThreshold failures a period apart), 60 s. A bound of this
 * tool, not the cluster's: the kubelet never gives up on a pod not ready yet (it stays out of its
 * Service's endpoints until it is), while a developer would wait on it with no word why.
 */
export const READINESS_WAIT_MS = PROBE_TIMING.failureThreshold.readiness * PROBE_TIMING.periodSeconds * 1_000;

/**
 * Between two asks. Not the kubelet's period (30 s): here a developer or a benchmark waits on it,
 * and nothing else asks; the bound above stays the cluster's.
 */
const ASK_EVERY_MS = 250;

export interface ReadinessWait {
  /** The bound (default READINESS_WAIT_MS). */
  readonly withinMs?: number;
  readonly everyMs?: number;
}

/** The kubelet counts an HTTP probe answered 200-399 (not following a redirect) a success. */
const succeeded = (status: number): boolean => status >= 200 && status < 400;

/** The answer to one readiness probe, each bounded by the probe's timeout: a success, or what came instead. */
const askReadiness = async (url: string): Promise<true | string> => {
  try {
    const res = await fetch(`${url}${HEALTH_PATHS.readiness}`, { redirect: 'manual', signal: AbortSignal.timeout(PROBE_TIMING.timeoutSeconds * 1_000) });
    const body = (await res.text()).slice(0, 500);
    return succeeded(res.status) ? true : `${res.status} ${body}`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
};

/**
 * Asks the readiness probe of `service` (a process that passed its startup probe) until it succeeds.
 * Throws, naming the service and with its last answer, when it does not within the bound or the
 * process exits meanwhile; the process is left to the caller.
 */
export const awaitReadiness = async (service: string, p: NodeProcess, options: ReadinessWait = {}): Promise<void> => {
  const withinMs = options.withinMs ?? READINESS_WAIT_MS;
  const everyMs = options.everyMs ?? ASK_EVERY_MS;
  const deadline = Date.now() + withinMs;
  let exitCode: number | null | undefined;
  void p.exited.then((code) => (exitCode = code));
  const probe = `GET ${p.url}${HEALTH_PATHS.readiness}`;
  for (;;) {
    const answer = await askReadiness(p.url);
    if (answer === true) return;
    if (exitCode !== undefined) throw new Error(`the ${service} service exited with ${exitCode} before its readiness probe (${probe}) succeeded; last answer: ${answer}`);
    if (Date.now() + everyMs > deadline) throw new Error(`the ${service} service did not get ready: its readiness probe (${probe}) did not succeed within ${withinMs / 1_000} s; last answer: ${answer}`);
    await Promise.race([new Promise((resolve) => setTimeout(resolve, everyMs)), p.exited]);
  }
};

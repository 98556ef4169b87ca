/**
 * How a service's process runs, derived from its catalog entry. The manifests (k8s/), the image
 * (apps/<service>-service/Dockerfile, checked by k8s/test/images.test.ts) and the local runs
 * (tools/dev-tools/src/local-services.ts) read these, so the container is asked for what it does.
 */
import { SERVICES, workloadName, type ServiceName, type ServiceSpec } from './services.ts';

/** Kubernetes quantity suffixes that make sense for memory (milli-bytes do not). */
const MEMORY_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** Bytes of a Kubernetes memory quantity such as `512Mi`, `1Gi`, `1.5G` or `268435456`. */
export function memoryBytes(quantity: string): number {
  const m = /^(\d+(?:\.\d+)?)([kMGT]i?|Ki)?$/.exec(quantity.trim());
  const unit = MEMORY_UNITS[m?.[2] ?? ''];
  if (!m || unit === undefined) throw new Error(`"${quantity}" is not a Kubernetes memory quantity (e.g. 512Mi, 1Gi, 1G)`);
  return Number(m[1]) * unit;
}

/**
 * Share of the container memory limit given to V8's old generation. Node sizes its default heap
 * from the machine, not the cgroup limit, so without a cap a pod grows until the kernel OOM-kills
 * it; with one V8 collects harder first. The other quarter holds the young generation, code,
 * buffers and native memory (pg, TLS, the wasm schema engine in the migration Job).
 */
export const HEAP_SHARE_OF_MEMORY_LIMIT = 0.75;

/** `--max-old-space-size` in MiB for a container memory limit. */
export const heapCapMiB = (memoryLimit: string): number => Math.floor((memoryBytes(memoryLimit) / 2 ** 20) * HEAP_SHARE_OF_MEMORY_LIMIT);

/**
 * `--max-semi-space-size` in MiB for a container memory request. V8 sizes the young generation
 * for throughput (16 MiB semi-spaces on 64 bits, up to 48 MiB of young generation in all), which a
 * busy server fills and keeps resident: measured at 25-30 MiB of a 256Mi pod's peak RSS under
 * `npm run bench:api` (issue 15). One MiB of semi-space per 64 MiB requested, from 1 to
 * MAX_SEMI_SPACE_MIB, keeps it a small share of the request; a server's request garbage is
 * short-lived, so scavenges stay cheap.
 */
export const semiSpaceMiB = (memoryRequest: string): number => Math.min(MAX_SEMI_SPACE_MIB, Math.max(1, Math.floor(memoryBytes(memoryRequest) / 2 ** 20 / 64)));

/**
 * The largest semi-space of any service (issue 15). 4 MiB against 2: the user service's cached GET
 * spent 9-15 % less CPU a request (two user services, one each way, measured in turn within each
 * minute of one run, 29 rounds with either service at 4 MiB; with the same flags the service started
 * second read 4 % above the first: `npm run bench:node-flags`), for 2-10 MiB more peak RSS (user
 * 118-124 MiB of its 256Mi request). 8 MiB went over that request's half (136-138 MiB), and the AI service (1Gi
 * requested) kept both of its 8 MiB semi-spaces resident after a burst of plans, its RSS after
 * `npm run bench:api` at 136 % of its start; at 4 MiB 75-104 % (four runs).
 */
export const MAX_SEMI_SPACE_MIB = 4;

/**
 * glibc malloc settings of a service's container (environment variables glibc reads at start).
 * A fixed mmap threshold of 1 MiB: every larger block (argon2's 19 MiB per password hash, big
 * buffers) is mapped for itself and returned to the kernel when freed; glibc's default raises the
 * threshold after the first such free, so later ones stay in its arenas as resident memory (measured:
 * the user service 41 MiB lower after a register and a login, issue 15). Two arenas: Node's thread
 * pool and V8's helper threads otherwise each grow an arena of their own. One arena was measured and
 * not kept (issue 15, paired `npm run bench:api` runs with BENCH_ENV, load 2-10): the trip service
 * started 9-18 MiB lower, but the AI service ended its planning run 9-23 MiB higher, with the same start.
 */
export const MALLOC_ENVIRONMENT: Readonly<Record<'MALLOC_ARENA_MAX' | 'MALLOC_MMAP_THRESHOLD_', string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: String(2 ** 20),
};

/** NODE_OPTIONS of a service's container (its ConfigMap; the local runs use the same value). */
export const nodeOptions = (spec: ServiceSpec): string =>
  `--max-old-space-size=${heapCapMiB(spec.resources.limits.memory)} --max-semi-space-size=${SMALL_YOUNG_GENERATION_SERVICES.includes(spec.name) ? SMALL_SEMI_SPACE_MIB : semiSpaceMiB(spec.resources.requests.memory)}`;

/**
 * Services whose semi-space stays at SMALL_SEMI_SPACE_MIB whatever their request (issue 15): the
 * location service (256Mi requested, its `opening_hours` module alone about 15 MiB) peaked at
 * 121-127 MiB under `npm run bench:api` with 4 MiB (five runs), 1-7 MiB under half its request, and
 * at 112-116 with 2; the user service, with the same request, at 118-124.
 */
export const SMALL_YOUNG_GENERATION_SERVICES: readonly ServiceName[] = ['location'];
export const SMALL_SEMI_SPACE_MIB = 2;

/**
 * `--liftoff-only`: Prisma's query compiler is WebAssembly, and V8 tiers its hot functions up with
 * TurboFan on background threads whose compilation memory stayed resident in a malloc arena: about
 * 25 MiB of RSS from start-up on (measured with `npm run bench:api`, issue 15). Without TurboFan the
 * compiler is slower, and a route that queries on every request pays for it: the trip service's
 * `GET /trips/{id}` answered 30-45 % fewer requests (two back-to-back pairs), while the cached routes
 * of the user and location services showed no loss. (The AI service with it: start 30 MiB lower but
 * after its planning run 18-23 % above that start, not kept.)
 */
export const LIFTOFF_ONLY_FLAG = '--liftoff-only';

/** Largest memory request whose service runs with LIFTOFF_ONLY_FLAG: the 256Mi services, where those MiB decide the goal. */
export const NODE_FLAGS_MAX_REQUEST = '256Mi';

/**
 * `--heap-growing-percent=10`, for the AI service: after each full collection V8 lets the old
 * generation grow to 1.1x what survived, instead of a factor that rises with the heap cap (about 1.8
 * at the AI service's 1.5 GiB), so its planning garbage does not stay resident until the next
 * collection. Four paired full `npm run bench:api` runs (issue 15, 2026-12-02, load 3-7): its RSS
 * after the run 127-135 % of its start without it, 108-122 % with it (absolute after 120-147 against
 * 127-178 MiB); CPU per request within the noise. For user and location it changed neither peak
 * (121-129 MiB either way), so they run without it; trip is far within its request.
 */
export const HEAP_GROWTH_FLAG = '--heap-growing-percent=10';

/*
 * What the user and AI services keep after `npm run bench:api` (issue 15, 2026-12-02, a per-second probe
 * of process.memoryUsage(), V8's heap spaces and /proc/self/status): V8 heap, not caches, pools or
 * malloc. RSS outside the V8 heap ends within 1-4 MiB of its start; the user service's ~10-15 MiB over
 * its start is old space kept at its grown size with the burst's promoted garbage in it (e.g. 39 MiB
 * with 37 used against 30 with 27 at start), new space at its grown semi-spaces (4 against 1 MiB) and
 * ~1 MiB more code. V8's memory reducer, which would compact and shrink them once allocation stops,
 * starts again only after the committed heap grew 10 MB (or 10 %) since it last ran: `--trace-gc`
 * shows no "Mark-Compact (reduce)" after the load. The AI service's start reading also carries ~20 MiB
 * of TurboFan zone memory freed into malloc arenas at start-up, returned at an unpredictable moment.
 * Tried, not kept (paired runs, branches s12-after-idle-compact / s12-after-idle-plain): one full
 * collection once the process is quiet after a burst, with `--expose-gc`. Compacting (the flag
 * --compact-on-every-full-gc set for that collection): after 111-117 % -> 104-106 % of start (user),
 * 114-116 % -> 104-106 % (ai), but the evacuation raised the user's peak from 120-121 to 143 MiB (56 %
 * of its request); not compacting: no change (113 -> 112 %). --compact-on-every-full-gc for every
 * collection: planning throughput 68 -> 29 schedules, peaks +20-40 MiB. What is kept since (issue 15,
 * 2026-12-04): IDLE_HEAP_REDUCTION, two collections with V8's memory-saving heuristics, whose
 * compaction moves at most 6 MB (peak unchanged).
 */

/**
 * When a service gives back the V8 heap a burst left behind (the kit's `startIdleHeapReducer`, run by
 * every service; issue 15). Under load the old generation grows in steps of at least 8 MiB and the
 * young generation to its semi-space cap, and V8's memory reducer, which would shrink them once the
 * burst ends, starts only when a full collection finds the heap 10 MB over what it last reduced to:
 * after `npm run bench:api` the user service's old space stayed 8 MiB over its start and its new
 * space 3 MiB for minutes (`--trace-gc`: no collection at all after the load, RSS 113 MiB against 101
 * at start). Once the main thread has been quiet (its event-loop utilisation over the last
 * `quietSeconds` checks, one a second, under `quietUtilization` on average) and the committed heap
 * is `minGrowthMiB` over what the last reduction (or V8's own) left, the kit runs two compacting
 * full collections with V8's memory-saving heuristics (pages at least 20 % free evacuated, at most 6
 * MB): about 50-75 ms of the idle main thread, 8-11 MiB of RSS back within a second, peak (VmHWM)
 * unchanged. A burst shorter than the growth step
 * costs nothing; a grown live set only raises the baseline. On average, not every second under 2 %
 * (issue 15, 2026-12-05): the AI service's idle event loop is busy 1.3 % of a second at the median
 * and up to 10 % in some (its pollers, on the shared 2-core machine), five seconds in a row under 2 %
 * came in under half of its idle 5-second windows, and in one run in four of `npm run bench:api` the
 * reduction came 12 s after the load, 2 s after the "after" reading (113 % of start; 100 % at 30 s).
 * Its idle 5-second means stayed under 4.7 %; under load the thread is busy 70-100 %.
 */
export const IDLE_HEAP_REDUCTION = { quietSeconds: 5, quietUtilization: 0.05, minGrowthMiB: 4 } as const;

/** Services whose node runs with HEAP_GROWTH_FLAG (see there why). */
export const HEAP_GROWTH_SERVICES: readonly ServiceName[] = ['ai'];

/**
 * Every V8 flag a service's node may run with: on the command line, i.e. the image's ENTRYPOINT
 * (`serviceEntrypoint`, checked against each Dockerfile by k8s/test/images.test.ts) and the local
 * runs. NODE_OPTIONS refuses them.
 */
export const NODE_FLAGS: readonly string[] = [LIFTOFF_ONLY_FLAG, HEAP_GROWTH_FLAG];

/** The node flags of a service: liftoff-only for a small memory request, the heap growth flag for HEAP_GROWTH_SERVICES. */
export const nodeFlags = (spec: ServiceSpec): readonly string[] => [
  ...(memoryBytes(spec.resources.requests.memory) <= memoryBytes(NODE_FLAGS_MAX_REQUEST) ? [LIFTOFF_ONLY_FLAG] : []),
  ...(HEAP_GROWTH_SERVICES.includes(spec.name) ? [HEAP_GROWTH_FLAG] : []),
];

/** The ENTRYPOINT of a service's image: plain node with its node flags running the service's bundle. */
export const serviceEntrypoint = (service: ServiceName): readonly string[] => ['node', ...nodeFlags(SERVICES[service]), `apps/${workloadName(service)}/dist/server.mjs`];

/**
 * The commands of every service image's entry point (apps/service-kit/src/main.ts): with none it
 * serves; `migrate` applies the service's committed migrations (shipped in its image) to
 * DATABASE_URL and exits; `database-roles` (prod) maps each service's managed identity to its
 * PostgreSQL role (environment: DATABASE_ROLES_JOB_ENVIRONMENT) and exits. The Jobs pass
 * `migrationArgs` / `databaseRolesArgs` to the image's entry point and set no command.
 */
export const SERVICE_COMMANDS = { serve: 'serve', migrate: 'migrate', databaseRoles: 'database-roles' } as const;
/**
 * The commands one service's entry point has beside SERVICE_COMMANDS (the service passes them to the
 * kit's serviceMain as `commands`): the location service's `load-places [file.json ...]` loads its data
 * set, shipped in its image beside the bundle (or the files named), into DATABASE_URL and exits.
 */
export const LOCATION_COMMANDS = { loadPlaces: 'load-places' } as const;
export const migrationArgs: readonly string[] = [SERVICE_COMMANDS.migrate];

/**
 * How the `migrate` command waits for the locks of a migration (apps/service-kit/src/data/migration-locks.ts).
 * A migration's ALTER TABLE asks for an ACCESS EXCLUSIVE lock; while a long transaction holds any
 * lock on the table the ALTER waits, and every later read and write of the table queues behind it:
 * the running release's traffic on that table stalls for as long as that transaction lasts. So each
 * migration file runs in one transaction with `lock_timeout` = lockTimeoutMs (its ALTER gives up,
 * the file is rolled back whole and the queue behind it moves on) and `statement_timeout` =
 * statementTimeoutMs (a statement holding the lock, e.g. a table rewrite, stalls traffic no longer
 * than that, and PostgreSQL rolls it back cleanly instead of the Job's activeDeadlineSeconds killing
 * the pod while the server goes on running it). A file given up for a lock is tried again after
 * firstRetryDelayMs, doubled each time up to maxRetryDelayMs, `attempts` times in all; then the
 * command fails naming the sessions that held the lock, and the Job's backoffLimit starts a new pod.
 * One pod's worst lock waits: attempts × lockTimeoutMs + 5 + 10 + 20 + 40 s = 100 s.
 */
export const MIGRATION_LOCKS = {
  lockTimeoutMs: 5_000,
  statementTimeoutMs: 60_000,
  attempts: 5,
  firstRetryDelayMs: 5_000,
  maxRetryDelayMs: 40_000,
} as const;

/** MIGRATION_LOCKS' shape, for the shortened policies of tests. */
export type MigrationLockPolicy = { readonly [K in keyof typeof MIGRATION_LOCKS]: number };

/** The wait after attempt `attempt` gave up for a lock: the first delay, doubled each time, at most the cap. */
export const migrationRetryDelayMs = (policy: MigrationLockPolicy, attempt: number): number =>
  Math.min(policy.firstRetryDelayMs * 2 ** (attempt - 1), policy.maxRetryDelayMs);

/**
 * One migrate pod's worst time spent waiting for locks under `policy`: every attempt waits its
 * lock_timeout out, with the waits between. The migration Job's activeDeadlineSeconds must leave room
 * for this on each of its pods (k8s/test/migration-job.test.ts), or Kubernetes kills a pod mid-attempt.
 */
export const migrationLockBudgetMs = (policy: MigrationLockPolicy = MIGRATION_LOCKS): number => {
  let total = policy.attempts * policy.lockTimeoutMs;
  for (let attempt = 1; attempt < policy.attempts; attempt += 1) total += migrationRetryDelayMs(policy, attempt);
  return total;
};

/**
 * Prisma Migrate's wait for its advisory lock (`pg_advisory_lock(72707369)`, held by another migrate
 * of the same database): the schema engine gives up after 10 s (https://pris.ly/d/migrate-advisory-locking),
 * and the migrate command tries again as for a lock timeout.
 */
export const PRISMA_ADVISORY_LOCK_WAIT_MS = 10_000;

/**
 * The migration Job (k8s/src/constructs/migration-job.ts). `backoffLimit`: pods after the first
 * (a pod killed with its node, a MigrationLockTimeout). `podStartMs`: an allowance for a pod's
 * scheduling, image pull and start (the Entra token, the wasm engine) before it migrates.
 * Kubernetes starts each next pod of a Job after 10 s, 20 s, 40 s ... (capped at 6 min: "Pod
 * backoff failure policy", https://kubernetes.io/docs/concepts/workloads/controllers/job/).
 * `failJobExitCode`: the migrate command's exit code for a migration that failed for itself (a
 * statement_timeout, a unique violation: MigrationRolledBack), on which the Job's podFailurePolicy
 * fails the Job at once. Such a migration is marked rolled back, so a next pod would run it again and
 * fail the same way, a statement_timeout one holding its table's locks another 60 s each time. A code
 * Node never exits with by itself ("Exit codes", https://nodejs.org/api/process.html#exit-codes: 1
 * to 14, and 128 + a signal): on one of Node's, a pod that Node ended (a V8 fatal error, a bad flag)
 * would fail the Job at once as if its migration had. 65: sysexits' EX_DATAERR (the input was wrong).
 */
export const MIGRATION_JOB = { backoffLimit: 2, podStartMs: 30_000, firstPodBackoffMs: 10_000, maxPodBackoffMs: 360_000, failJobExitCode: 65 } as const;

/** MIGRATION_JOB's shape, for other settings in tests. */
export type MigrationJobPolicy = { readonly [K in keyof typeof MIGRATION_JOB]: number };

/**
 * One migrate pod's worst time: its start, then every attempt waiting the engine's advisory lock
 * out, running the file's statements before the blocked one (at most statementTimeoutMs together:
 * one statement that takes longer is cancelled and ends the pod) and waiting lock_timeout out,
 * with the waits between attempts (migrationLockBudgetMs). Catalog: 30 + 5 × (10 + 60 + 5) + 75 = 480 s.
 */
export const migrationPodBudgetMs = (policy: MigrationLockPolicy = MIGRATION_LOCKS, job: MigrationJobPolicy = MIGRATION_JOB): number =>
  job.podStartMs + policy.attempts * (PRISMA_ADVISORY_LOCK_WAIT_MS + policy.statementTimeoutMs) + migrationLockBudgetMs(policy);

/**
 * The migration Job's activeDeadlineSeconds: each of its backoffLimit + 1 pods its worst time
 * (migrationPodBudgetMs), with Kubernetes' backoff before each next pod. Catalog: 3 × 480 + 10 + 20 = 1,470 s.
 * Shorter, Kubernetes kills a pod mid-attempt, its statement left running on the server with no one
 * to hear it fail, where one that gives up on its own is rolled back and marked so.
 */
export const migrationJobDeadlineSeconds = (policy: MigrationLockPolicy = MIGRATION_LOCKS, job: MigrationJobPolicy = MIGRATION_JOB): number => {
  let totalMs = (job.backoffLimit + 1) * migrationPodBudgetMs(policy, job);
  for (let pod = 1; pod <= job.backoffLimit; pod += 1) totalMs += Math.min(job.firstPodBackoffMs * 2 ** (pod - 1), job.maxPodBackoffMs);
  return Math.ceil(totalMs / 1000);
};
export const databaseRolesArgs: readonly string[] = [SERVICE_COMMANDS.databaseRoles];

/**
 * A service pod's shutdown (SIGTERM), written once: readiness reports "draining" for
 * `drainDelayMs` (the time Kubernetes needs to take the pod out of its endpoints) while the message
 * consumers take no more messages and finish the ones they hold, then the server closes and waits
 * for in-flight requests; connections still open `closeGraceMs` later are cut; then relays, brokers
 * and pools stop. A shutdown still running at shutdownDeadlineMs exits on its own. All of it must end before Kubernetes kills the process at
 * `terminationGracePeriodSeconds` (the pods' setting): drainDelayMs + closeGraceMs must leave room
 * for the last steps (tested in runtime.test.ts and against the rendered pods).
 */
export const SHUTDOWN_TIMING = { drainDelayMs: 5_000, closeGraceMs: 10_000, terminationGracePeriodSeconds: 30 } as const;

/** Time a pod has for the steps after the close grace (consumers, relays, Redis, PostgreSQL, tracing). */
export const shutdownReserveMs = (t: { drainDelayMs: number; closeGraceMs: number; terminationGracePeriodSeconds: number } = SHUTDOWN_TIMING): number =>
  t.terminationGracePeriodSeconds * 1000 - t.drainDelayMs - t.closeGraceMs;

/** The least time the steps after the close grace are given before the kill. */
export const MIN_SHUTDOWN_RESERVE_MS = 5_000;

/**
 * How long before the kubelet's SIGKILL (`terminationGracePeriodSeconds` after SIGTERM) a process
 * still shutting down stops waiting: it logs the steps it still waits for and exits 1. A SIGKILL
 * leaves no line, and a step that waits on a stalled broker (the Service Bus SDK's 30 s operation
 * timeout, retried) outlasts the grace period: measured at over 150 s with the AI service.
 */
export const SHUTDOWN_EXIT_MARGIN_MS = 2_000;

/** From SIGTERM to the process's own exit when its shutdown has not ended (SHUTDOWN_EXIT_MARGIN_MS). */
export const shutdownDeadlineMs = (t: { terminationGracePeriodSeconds: number } = SHUTDOWN_TIMING): number => t.terminationGracePeriodSeconds * 1000 - SHUTDOWN_EXIT_MARGIN_MS;

/** Whose image runs the prod database-roles Job (every image's entry point has the command; one image to pull). */
export const DATABASE_ROLES_IMAGE = 'user' as const satisfies ServiceName;


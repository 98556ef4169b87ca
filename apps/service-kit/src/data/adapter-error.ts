/**
 * What the driver adapter (@prisma/adapter-pg) says caused a failed query: Prisma carries it as
 * `meta.driverAdapterError.cause` (a raw query's P2010, a refused write's P2039), with the adapter's
 * `kind` and, for PostgreSQL's own errors, its SQLSTATE and message.
 */
export interface DriverAdapterCause {
  readonly kind?: unknown;
  readonly code?: unknown;
  readonly originalCode?: unknown;
  readonly originalMessage?: unknown;
}

export const driverAdapterCause = (err: unknown): DriverAdapterCause | undefined =>
  (err as { meta?: { driverAdapterError?: { cause?: DriverAdapterCause } } } | null | undefined)?.meta?.driverAdapterError?.cause;

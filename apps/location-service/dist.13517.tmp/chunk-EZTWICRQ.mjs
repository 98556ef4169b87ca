import {
  ADVISORY_LOCK,
  MigrationLockTimeout,
  MigrationRolledBack,
  PRISMA_MIGRATION_LOCK,
  SQLSTATE,
  TRANSIENT_FAILURES,
  advisoryLockHolders,
  describeHolders,
  isAdvisoryLockTimeout,
  lockHolders,
  relationsOf,
  runsConcurrently,
  serverMessage,
  sqlState,
  timeoutOverrides
} from "./chunk-MDW4PEQP.mjs";
import "./chunk-ZR3UZUN5.mjs";
import "./chunk-7P6ASYW6.mjs";
export {
  ADVISORY_LOCK,
  MigrationLockTimeout,
  MigrationRolledBack,
  PRISMA_MIGRATION_LOCK,
  SQLSTATE,
  TRANSIENT_FAILURES,
  advisoryLockHolders,
  describeHolders,
  isAdvisoryLockTimeout,
  lockHolders,
  relationsOf,
  runsConcurrently,
  serverMessage,
  sqlState,
  timeoutOverrides
};

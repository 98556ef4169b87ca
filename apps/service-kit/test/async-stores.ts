/**
 * How many AsyncLocalStorage instances are enabled now, as the promises and timers the process makes
 * see it: an enabled one copies its store onto every async resource made (Node 20's async hook, one
 * `kResourceStore` symbol of each instance on the resource), the cost every promise of a service
 * pays while it is on (issue 15's hot path). The start watch's nesting storage must be off once the
 * start is done (start-watch.ts).
 */
import { executionAsyncResource } from 'node:async_hooks';

export const enabledAsyncStores = (): Promise<number> =>
  new Promise((resolve) => setImmediate(() => resolve(Object.getOwnPropertySymbols(executionAsyncResource()).filter((s) => s.description === 'kResourceStore').length)));

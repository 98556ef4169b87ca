/**
 * The tries of a withdrawal's write in its delivery (schedule-consumer.ts withdrawIn) hold the
 * message's lock: past it the broker hands the withdrawal to another pod while this one still tries
 * it, no longer in hand there, and the request's copy sent round may be planned. Each try may wait
 * the pool's CONNECT_TIMEOUT_MS for a connection and then run up to its transaction's
 * QUERY_TIMEOUT_MS; the kit's transaction recording the message id comes after them.
 */
import { QUEUE_LOCK_MS } from '@tripgen/catalog';
import { CONNECT_TIMEOUT_MS, QUERY_TIMEOUT_MS } from '@tripgen/service-kit/prisma';
import { expect, it } from 'vitest';
import { WITHDRAWAL_RETRY_PAUSES_MS } from '../src/domain/schedule-consumer.ts';

it('a withdrawal tried again at its worst (every try and the kit\'s transaction at their limits) ends inside the queue\'s lock', () => {
  const transactionMs = CONNECT_TIMEOUT_MS + QUERY_TIMEOUT_MS;
  const tries = WITHDRAWAL_RETRY_PAUSES_MS.length + 1;
  const pausesMs = WITHDRAWAL_RETRY_PAUSES_MS.reduce((a, b) => a + b, 0);
  expect(pausesMs + tries * transactionMs + transactionMs).toBeLessThan(QUEUE_LOCK_MS);
});

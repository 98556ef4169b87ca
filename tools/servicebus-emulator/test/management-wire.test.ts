import { afterAll, beforeAll, expect, it } from 'vitest';
import rhea, { type Connection, type Message } from 'rhea';
import { ServiceBusClient } from '@azure/service-bus';
import { startServiceBusEmulator, type ServiceBusEmulator } from '../src/index.ts';

// Management requests on the wire, as Service Bus defines them (AMQP request/response on
// `<entity>/$management`, operation in application-properties, answers with statusCode): the ones the
// SDK sends only in paths hard to reach from its API (settling through the management link, as it
// does for deferred messages), an entity that does not exist, and lock tokens that are gone.
let emulator: ServiceBusEmulator;
let client: ServiceBusClient;
let connection: Connection;

beforeAll(async () => {
  emulator = await startServiceBusEmulator({ queues: ['settle'], maxDeliveryCount: 5 });
  client = new ServiceBusClient(emulator.connectionString, { retryOptions: { maxRetries: 0, timeoutInMs: 10_000 } });
  const container = rhea.create_container();
  connection = container.connect({ host: '127.0.0.1', port: emulator.port, reconnect: false });
  await new Promise((resolve) => connection.once('connection_open', resolve));
});

afterAll(async () => {
  connection?.close();
  await client?.close();
  await emulator?.stop();
});

let next = 0;
/** One management request to `<entity>/$management` and its answer's status and body. */
async function request(entity: string, operation: string, body: unknown): Promise<{ status: number; condition?: string; body: unknown }> {
  const replyTo = `reply-${++next}`;
  const receiver = connection.open_receiver({ name: replyTo, source: { address: `${entity}/$management` }, target: { address: replyTo } });
  const sender = connection.open_sender({ target: { address: `${entity}/$management` } });
  await Promise.all([new Promise((r) => receiver.once('receiver_open', r)), new Promise((r) => sender.once('sendable', r))]);
  const answer = new Promise<Message>((resolve) => receiver.once('message', (context) => resolve(context.message!)));
  sender.send({ message_id: `m-${next}`, reply_to: replyTo, application_properties: { operation }, body });
  const reply = await answer;
  sender.close();
  receiver.close();
  const props = reply.application_properties as { statusCode: number; errorCondition?: string };
  return { status: props.statusCode, ...(props.errorCondition ? { condition: props.errorCondition } : {}), body: reply.body };
}

/** Sends `n` messages and receives them in peekLock mode, returning their lock tokens. */
async function lockedTokens(n: number): Promise<string[]> {
  const sender = client.createSender('settle');
  await sender.sendMessages(Array.from({ length: n }, (_, i) => ({ body: i })));
  await sender.close();
  const receiver = client.createReceiver('settle');
  const got = await receiver.receiveMessages(n, { maxWaitTimeInMs: 5_000 });
  expect(got).toHaveLength(n);
  return got.map((m) => m.lockToken!);
}

it('answers 404 amqp:not-found for an entity that does not exist', { timeout: 30_000 }, async () => {
  expect(await request('no-such-queue', 'com.microsoft:peek-message', { 'message-count': 1 })).toMatchObject({ status: 404, condition: 'amqp:not-found' });
});

it('settles through the management link: completed removes, suspended dead-letters, anything else abandons', { timeout: 30_000 }, async () => {
  const [a, b, c] = await lockedTokens(3);
  expect(await request('settle', 'com.microsoft:update-disposition', { 'disposition-status': 'completed', 'lock-tokens': [a] })).toMatchObject({ status: 200 });
  expect(await request('settle', 'com.microsoft:update-disposition', { 'disposition-status': 'suspended', 'lock-tokens': [b], 'deadletter-reason': 'bad', 'deadletter-description': 'unreadable' })).toMatchObject({ status: 200 });
  expect(await request('settle', 'com.microsoft:update-disposition', { 'disposition-status': 'abandoned', 'lock-tokens': [c] })).toMatchObject({ status: 200 });
  expect(emulator.count('settle/$deadletterqueue')).toBe(1);
  expect(emulator.count('settle')).toBe(1);
});

it('answers 410 message-lock-lost when a lock is gone, for settling and for renewing', { timeout: 30_000 }, async () => {
  const gone = '00000000-0000-0000-0000-000000000001';
  expect(await request('settle', 'com.microsoft:update-disposition', { 'disposition-status': 'completed', 'lock-tokens': [gone] })).toMatchObject({ status: 410, condition: 'com.microsoft:message-lock-lost' });
  expect(await request('settle', 'com.microsoft:renew-lock', { 'lock-tokens': [gone] })).toMatchObject({ status: 410, condition: 'com.microsoft:message-lock-lost' });
  // A request without tokens renews nothing and succeeds.
  expect((await request('settle', 'com.microsoft:renew-lock', {})).status).toBe(200);
});

import { randomBytes } from 'node:crypto';
import { QUEUE_LIMITS, QUEUE_LOCK_MS } from '@tripgen/catalog';
import rhea from 'rhea';
import type { Connection, Delivery, EventContext, Message, Receiver, Sender } from 'rhea';
import { listenAmqp, type AmqpListener } from './amqp-listener.ts';
import { Entity, QueueStore, type Release } from './queue-store.ts';

/** Where local runs find the emulator (SERVICEBUS_EMULATOR_PORT overrides it): next to the local stack's 55432/56379. */
export const DEFAULT_EMULATOR_PORT = 55671;

export interface ServiceBusEmulatorOptions {
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Queue names; each gets its `$deadletterqueue` sub-queue. */
  queues: readonly string[];
  /** Deliveries after which an abandoned message is dead-lettered (default: the catalog's QUEUE_LIMITS.maxDeliveryCount, as Bicep sets it). */
  maxDeliveryCount?: number;
  /**
   * How long a peekLock delivery stays locked before it returns to the queue (default: the queues'
   * lock in Azure, the catalog's QUEUE_LIMITS.lockDuration that Bicep reads: the kit's redelivery
   * backoff is sized to it, and a shorter lock here would expire in the middle of a backoff).
   */
  lockDurationMs?: number;
  /**
   * Keeps a peekLock delivery locked when its connection drops, until it is settled (through the
   * management link) or its lock expires, as Service Bus does. Off by default: an outage test then
   * sees its messages again at once rather than after the lock.
   */
  locksOutliveConnections?: boolean;
  /** Largest message the links accept, advertised as `max_message_size` (default 256 KiB, Standard tier). */
  maxMessageSize?: number;
}

export interface ServiceBusEmulator {
  /** The connection string the real SDK takes (`UseDevelopmentEmulator=true` selects plain TCP). */
  readonly connectionString: string;
  readonly port: number;
  /**
   * A broker outage: drops every connection and closes each new one as it opens; queued messages
   * are kept (a durable broker). The port stays bound: let go, another test file's process could
   * take it meanwhile (any listen on port 0), and the clients would reach that one.
   */
  interrupt(): Promise<void>;
  /** Ends the outage of `interrupt()`: serves again on the same port, with the queues as they were. */
  restart(): Promise<void>;
  /** Drops every connection and stops listening, for good (the end of a test, or of the CLI). */
  stop(): Promise<void>;
  /** Messages waiting (not locked) in a queue or `queue/$deadletterqueue`; for tests and diagnostics. */
  count(entity: string): number;
  /** The messages waiting (not locked) there, oldest first, as their senders encoded them; for tests and diagnostics. */
  waiting(entity: string): readonly Message[];
}

const BATCH_FORMAT = 0x80013700; // Service Bus "batched message" format: one data section per message
const DEAD_LETTER_CONDITION = 'com.microsoft:dead-letter';
const PARTITION_KEY = 'x-opt-partition-key';

/** Which entity a lock belongs to and which AMQP delivery carries it. */
interface LockRef {
  entity: Entity;
  link: Sender;
  connection: Connection;
  delivery: Delivery;
  timer: NodeJS.Timeout;
}

/** rhea internals the pump needs to know how much credit is already spoken for (not in rhea's typings). */
interface OutgoingState {
  outgoing: { next_pending_delivery: number };
}
interface Credit {
  credit: number;
}
interface Described {
  described(): unknown;
}
/** rhea's outcome constructors exist at run time but are missing from its typings. */
const outcome = rhea.message as unknown as {
  accepted(): Described;
  rejected(fields?: { error?: { condition: string; description?: string } }): Described;
  modified(fields?: { delivery_failed?: boolean }): Described;
};
interface LocalAttach {
  local: { attach: { snd_settle_mode?: number; rcv_settle_mode?: number; max_message_size?: number } };
}

/**
 * Service Bus lock tokens are GUIDs whose first three groups are little-endian (.NET byte order);
 * the SDK turns the delivery tag into a token with this reordering and sends the token back in
 * management requests, so both directions meet on the same bytes.
 */
function reorderGuidBytes(bytes: Buffer): Buffer {
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return Buffer.from(order.map((i) => bytes[i] ?? 0));
}

function addressOf(terminus: unknown): string {
  if (terminus && typeof terminus === 'object' && 'address' in terminus && typeof terminus.address === 'string') {
    return terminus.address;
  }
  return '';
}

/** Starts an in-process AMQP 1.0 server that speaks enough of the Service Bus dialect for `@azure/service-bus`. */
export async function startServiceBusEmulator(options: ServiceBusEmulatorOptions): Promise<ServiceBusEmulator> {
  const maxDeliveryCount = options.maxDeliveryCount ?? QUEUE_LIMITS.maxDeliveryCount;
  const lockDurationMs = options.lockDurationMs ?? QUEUE_LOCK_MS;
  const maxMessageSize = options.maxMessageSize ?? 256 * 1024;
  const store = new QueueStore(options.queues, maxDeliveryCount);

  const container = rhea.create_container({
    id: 'tripgen-servicebus-emulator',
    // We accept, settle and read outcomes ourselves: 'modified' (abandon) must stay distinct from 'released'.
    autoaccept: false,
    treat_modified_as_released: false,
  });

  const consumers = new Map<Entity, Sender[]>();
  const unsent = new Map<Sender, number[]>();
  const locks = new Map<string, LockRef>();
  const deliveryTokens = new WeakMap<Delivery, string>();
  /** Reply links per connection, by link name and by target address (CBS uses one, $management both). */
  const replyLinks = new Map<Connection, Map<string, Sender>>();

  const settleMode = (link: Sender | Receiver) => (link as unknown as LocalAttach).local.attach;

  function creditLeft(link: Sender): number {
    const next = (link.session as unknown as OutgoingState).outgoing.next_pending_delivery;
    const pending = (unsent.get(link) ?? []).filter((id) => id >= next);
    unsent.set(link, pending);
    return (link as unknown as Credit).credit - pending.length;
  }

  function annotate(entity: Entity, stored: { sequenceNumber: number; enqueuedAt: Date; message: Message; deliveryCount: number }, lockedUntil?: Date): Message {
    return {
      ...stored.message,
      delivery_count: stored.deliveryCount,
      message_annotations: {
        ...stored.message.message_annotations,
        'x-opt-sequence-number': rhea.types.wrap_long(stored.sequenceNumber),
        'x-opt-enqueued-time': stored.enqueuedAt,
        ...(lockedUntil ? { 'x-opt-locked-until': lockedUntil } : {}),
      },
    };
  }

  function deliver(entity: Entity, link: Sender): boolean {
    const receiveAndDelete = settleMode(link).snd_settle_mode === 1;
    if (receiveAndDelete) {
      const stored = entity.takeNext();
      if (!stored) return false;
      const delivery = link.send(annotate(entity, stored), randomBytes(16));
      unsent.get(link)?.push(delivery.id);
      return true;
    }
    const tag = randomBytes(16);
    const token = reorderGuidBytes(tag).toString('hex');
    const stored = entity.lockNext(token);
    if (!stored) return false;
    const lockedUntil = new Date(Date.now() + lockDurationMs);
    const delivery = link.send(annotate(entity, stored, lockedUntil), tag);
    unsent.get(link)?.push(delivery.id);
    deliveryTokens.set(delivery, token);
    const timer = setTimeout(() => expireLock(token), lockDurationMs);
    timer.unref();
    locks.set(token, { entity, link, connection: link.connection, delivery, timer });
    return true;
  }

  function pump(entity: Entity): void {
    const links = consumers.get(entity);
    if (!links || links.length === 0) return;
    // Round-robin: each pass gives one message to every link with credit, so competing consumers share.
    let progressed = true;
    while (progressed && entity.available.length > 0) {
      progressed = false;
      for (const link of links) {
        if (entity.available.length === 0) break;
        if (link.is_open() && creditLeft(link) > 0 && deliver(entity, link)) progressed = true;
      }
    }
  }

  function settleLock(token: string, release: Release): boolean {
    const ref = locks.get(token);
    if (!ref) return false;
    clearTimeout(ref.timer);
    locks.delete(token);
    return ref.entity.release(token, release);
  }

  function expireLock(token: string): void {
    // An expired lock counts as a failed delivery, as in Service Bus; a later settle sees "lock lost".
    settleLock(token, { kind: 'abandon' });
  }

  function releaseLocksWhere(predicate: (ref: LockRef) => boolean): void {
    for (const [token, ref] of [...locks]) {
      if (predicate(ref)) settleLock(token, { kind: 'abandon' });
    }
  }

  function removeConsumer(link: Sender): void {
    for (const [entity, links] of consumers) {
      const at = links.indexOf(link);
      if (at !== -1) {
        links.splice(at, 1);
        if (links.length === 0) consumers.delete(entity);
      }
    }
    unsent.delete(link);
  }

  function forgetConnection(connection: Connection): void {
    for (const [entity, links] of consumers) {
      consumers.set(entity, links.filter((link) => link.connection !== connection));
    }
    replyLinks.delete(connection);
    if (!options.locksOutliveConnections) releaseLocksWhere((ref) => ref.connection === connection);
  }

  store.onAvailable((entity) => pump(entity));

  // ---- link attach -------------------------------------------------------------------------------

  /** Answers an attach with the client's own terminus and settle modes, and our max_message_size. */
  const acceptAttach = (link: Sender | Receiver) => {
    link.set_source(link.source);
    link.set_target(link.target);
    const attach = settleMode(link);
    attach.snd_settle_mode = link.snd_settle_mode;
    attach.rcv_settle_mode = link.rcv_settle_mode;
    attach.max_message_size = maxMessageSize;
  };
  /** The request/response nodes ($cbs for tokens, <entity>/$management for peeks and renewals). */
  const isRequestNode = (address: string) => address === '$cbs' || address.toLowerCase().endsWith('/$management');

  container.on('sender_open', (context: EventContext) => {
    const link = context.sender as Sender;
    const source = addressOf(link.source);
    acceptAttach(link);

    if (isRequestNode(source)) {
      const byName = replyLinks.get(link.connection) ?? new Map<string, Sender>();
      byName.set(link.name, link);
      const target = addressOf(link.target);
      if (target) byName.set(target, link);
      replyLinks.set(link.connection, byName);
      return;
    }
    const entity = store.get(source);
    if (!entity) {
      link.close({ condition: 'amqp:not-found', description: `The messaging entity '${source}' could not be found.` });
      return;
    }
    consumers.set(entity, [...(consumers.get(entity) ?? []), link]);
    unsent.set(link, []);
  });

  container.on('receiver_open', (context: EventContext) => {
    const link = context.receiver as Receiver;
    const target = addressOf(link.target);
    acceptAttach(link);
    if (!isRequestNode(target) && !store.get(target)) {
      link.close({ condition: 'amqp:not-found', description: `The messaging entity '${target}' could not be found.` });
    }
  });

  container.on('sendable', (context: EventContext) => {
    const link = context.sender as Sender;
    const entity = store.get(addressOf(link.source));
    if (entity) pump(entity);
  });

  container.on('sender_draining', (context: EventContext) => {
    const link = context.sender as Sender;
    const entity = store.get(addressOf(link.source));
    if (entity) pump(entity);
    link.set_drained(true);
  });

  // ---- incoming messages: sends to queues, CBS and management requests ----------------------------

  container.on('message', (context: EventContext) => {
    const link = context.receiver as Receiver;
    const delivery = context.delivery as Delivery;
    const target = addressOf(link.target);
    if (target === '$cbs') {
      // Any token is good: the emulator authenticates nobody, like the official emulator.
      reply(link.connection, context.message as Message, 'cbs', 202, 'Accepted');
      delivery.update(true, outcome.accepted().described());
      return;
    }
    if (target.toLowerCase().endsWith('/$management')) {
      const entity = store.get(target.slice(0, -'/$management'.length));
      handleManagement(link.connection, entity, context.message as Message);
      delivery.update(true, outcome.accepted().described());
      return;
    }
    const entity = store.get(target);
    if (!entity) {
      delivery.update(true, outcome.rejected({ error: { condition: 'amqp:not-found', description: target } }).described());
      return;
    }
    const format = (delivery as unknown as { format: number }).format;
    if (format === BATCH_FORMAT) {
      const envelope = rhea.message.decode(context.message as unknown as Buffer);
      const body = envelope.body as { content: Buffer | Buffer[]; multiple?: boolean };
      const parts = (body.multiple ? (body.content as Buffer[]) : [body.content as Buffer]).map((part) => rhea.message.decode(part) as unknown as Message);
      // Every queue is partitioned (infra-bicep servicebus.bicep), and a partitioned entity takes a
      // batch only when its messages share one partition key (Azure SDK for .NET TROUBLESHOOTING.md,
      // "Cannot send batch with multiple partition keys"; the service answers ErrorCodes.NotAllowed).
      const keys = new Set(parts.map((m) => m.message_annotations?.[PARTITION_KEY] as unknown));
      if (keys.size > 1) {
        delivery.update(true, outcome.rejected({ error: { condition: 'amqp:not-allowed', description: 'Batching brokered messages with distinct PartitionKey is not supported for a partitioned entity' } }).described());
        return;
      }
      for (const part of parts) entity.enqueue(part);
    } else {
      entity.enqueue(context.message as Message);
    }
    delivery.update(true, outcome.accepted().described());
  });

  /**
   * Answers a request on the client's reply link. CBS answers carry `status-code`; $management
   * answers carry `statusCode` (the SDK's peek reads exactly that key), as the real broker does.
   */
  function reply(
    connection: Connection,
    request: Message,
    dialect: 'cbs' | 'management',
    status: number,
    description: string,
    body?: unknown,
    errorCondition?: string,
  ): void {
    const replyTo = request.reply_to ?? '';
    const link = replyLinks.get(connection)?.get(replyTo);
    if (!link) return; // the client gave up on its reply link; nothing to answer
    const properties =
      dialect === 'cbs'
        ? { 'status-code': status, 'status-description': description }
        : { statusCode: status, statusDescription: description, ...(errorCondition ? { errorCondition } : {}) };
    link.send({ correlation_id: request.message_id, application_properties: properties, body: body ?? null });
  }

  function answer(connection: Connection, request: Message) {
    return (status: number, description: string, body?: unknown, errorCondition?: string) =>
      reply(connection, request, 'management', status, description, body, errorCondition);
  }

  function lockTokensOf(request: Message): string[] {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const tokens = body['lock-tokens'];
    const list = Array.isArray(tokens) ? tokens : [];
    return list.map((t: unknown) => (Buffer.isBuffer(t) ? t.toString('hex') : String(t).replaceAll('-', '')));
  }

  function handleManagement(connection: Connection, entity: Entity | undefined, request: Message): void {
    const operation = String(request.application_properties?.operation ?? '');
    const respond = answer(connection, request);
    const lockLost = 'The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue.';
    if (!entity) {
      respond(404, 'entity not found', undefined, 'amqp:not-found');
      return;
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    switch (operation) {
      case 'com.microsoft:renew-lock': {
        const expirations: Date[] = [];
        for (const token of lockTokensOf(request)) {
          const ref = locks.get(token);
          if (!ref) {
            respond(410, lockLost, undefined, 'com.microsoft:message-lock-lost');
            return;
          }
          clearTimeout(ref.timer);
          ref.timer = setTimeout(() => expireLock(token), lockDurationMs);
          ref.timer.unref();
          expirations.push(new Date(Date.now() + lockDurationMs));
        }
        respond(200, 'OK', { expirations });
        return;
      }
      case 'com.microsoft:update-disposition': {
        const status = String(body['disposition-status'] ?? '');
        const release: Release =
          status === 'completed'
            ? { kind: 'complete' }
            : status === 'suspended'
              ? {
                  kind: 'deadLetter',
                  reason: body['deadletter-reason'] as string | undefined,
                  description: body['deadletter-description'] as string | undefined,
                }
              : { kind: 'abandon' };
        for (const token of lockTokensOf(request)) {
          const ref = locks.get(token);
          if (!ref || !settleLock(token, release)) {
            respond(410, lockLost, undefined, 'com.microsoft:message-lock-lost');
            return;
          }
          if (!ref.delivery.settled) ref.delivery.update(true, settledState(release));
        }
        respond(200, 'OK', {});
        return;
      }
      case 'com.microsoft:peek-message': {
        const from = Number(body['from-sequence-number'] ?? 0);
        const count = Number(body['message-count'] ?? 1);
        const all = [...entity.available, ...entity.locked.values()]
          .filter((m) => m.sequenceNumber >= from)
          .sort((a, b) => a.sequenceNumber - b.sequenceNumber)
          .slice(0, count);
        if (all.length === 0) {
          respond(204, 'No messages');
          return;
        }
        const messages = all.map((m) => ({ message: rhea.message.encode(annotate(entity, m)) }));
        respond(200, 'OK', { messages });
        return;
      }
      default:
        respond(501, `operation '${operation}' is not implemented by the emulator`, undefined, 'com.microsoft:not-implemented');
    }
  }

  // ---- outcomes of our deliveries (complete / abandon / dead-letter) --------------------------------

  /**
   * The outcome we settle with. It echoes the client's kind of outcome but never an error: the SDK
   * fails a settle whose settled state carries one, and a dead-letter request did succeed.
   */
  function settledState(release: Release): unknown {
    if (release.kind === 'complete') return outcome.accepted().described();
    if (release.kind === 'deadLetter') return outcome.rejected().described();
    return outcome.modified({ delivery_failed: true }).described();
  }

  function onOutcome(context: EventContext): void {
    const delivery = context.delivery as Delivery;
    const token = deliveryTokens.get(delivery);
    if (token === undefined) {
      if (!delivery.settled) delivery.update(true, outcome.accepted().described());
      return;
    }
    const state = delivery.remote_state as unknown as
      | { error?: { condition?: string; description?: string; info?: Record<string, unknown> }; undeliverable_here?: boolean; message_annotations?: Record<string, unknown> }
      | undefined;
    const kind = (state?.constructor as { composite_type?: string } | undefined)?.composite_type;
    let release: Release;
    if (kind === 'accepted') release = { kind: 'complete' };
    else if (kind === 'rejected') {
      const info = { ...(state?.error?.info ?? {}) };
      const reason = info.DeadLetterReason as string | undefined;
      const description = info.DeadLetterErrorDescription as string | undefined;
      delete info.DeadLetterReason;
      delete info.DeadLetterErrorDescription;
      release =
        state?.error?.condition === DEAD_LETTER_CONDITION
          ? { kind: 'deadLetter', reason, description, properties: info }
          : { kind: 'deadLetter', reason: state?.error?.condition, description: state?.error?.description };
    } else if (kind === 'modified') {
      // undeliverable_here (defer) is not emulated: the message is simply abandoned.
      release = { kind: 'abandon', ...(state?.message_annotations ? { annotations: state.message_annotations } : {}) };
    } else release = { kind: 'abandon' };

    deliveryTokens.delete(delivery);
    if (settleLock(token, release)) {
      delivery.update(true, settledState(release));
    } else {
      delivery.update(
        true,
        outcome
          .rejected({
            error: {
              condition: 'com.microsoft:message-lock-lost',
              description: 'The lock supplied is invalid. Either the lock expired, or the message has already been removed from the queue.',
            },
          })
          .described(),
      );
    }
  }
  for (const event of ['accepted', 'rejected', 'released', 'modified'] as const) container.on(event, onOutcome);

  // ---- teardown of links and connections -----------------------------------------------------------

  container.on('sender_close', (context: EventContext) => {
    const link = context.sender as Sender;
    removeConsumer(link);
    releaseLocksWhere((ref) => ref.link === link);
  });
  container.on('connection_close', (context: EventContext) => forgetConnection(context.connection));
  container.on('disconnected', (context: EventContext) => forgetConnection(context.connection));
  // Without listeners rhea rethrows peer errors; a broken client must never crash the emulator.
  for (const event of ['error', 'connection_error', 'session_error', 'sender_error', 'receiver_error', 'protocol_error'] as const) {
    container.on(event, () => undefined);
  }

  // ---- listener lifecycle --------------------------------------------------------------------------

  let listener: AmqpListener | undefined = await listenAmqp(container, options.port ?? 0);
  const port = listener.port;

  /** What lived on the dropped connections: their locks are released, their links gone. */
  const forgetLinks = () => {
    releaseLocksWhere(() => true);
    consumers.clear();
    replyLinks.clear();
  };

  async function interrupt(): Promise<void> {
    if (!listener) throw new Error('the emulator is stopped');
    listener.refuse();
    forgetLinks();
  }

  async function stop(): Promise<void> {
    const l = listener;
    listener = undefined;
    if (!l) return;
    const closed = l.close();
    forgetLinks();
    await closed;
  }

  return {
    get port() {
      return port;
    },
    get connectionString() {
      return `Endpoint=sb://127.0.0.1:${port};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true`;
    },
    interrupt,
    async restart() {
      // Listening again after a stop could find the port taken (see interrupt).
      if (!listener) throw new Error('the emulator is stopped for good: interrupt() and restart() make an outage');
      listener.accept();
    },
    stop,
    count(name: string) {
      return store.get(name)?.available.length ?? 0;
    },
    waiting(name: string) {
      return (store.get(name)?.available ?? []).map((m) => m.message);
    },
  };
}

/**
 * Event Hubs mode: an in-process AMQP 1.0 server that the real `@azure/event-hubs` producer sends to,
 * and that keeps what it received for a test to read. What it speaks, and where that is written down:
 * - `$cbs` put-token (application properties `operation`, `type`, `name`; answer `status-code` 202):
 *   "AMQP 1.0 in Azure Service Bus and Event Hubs protocol guide", Claims-based authorization
 *   (learn.microsoft.com/azure/service-bus-messaging/service-bus-amqp-protocol-guide). Any token is
 *   accepted: the emulator authenticates nobody.
 * - `$management` READ of `com.microsoft:eventhub` (name, created_at, partition_count, partition_ids)
 *   and of `com.microsoft:partition` (begin/last sequence numbers, offsets, is_partition_empty): the
 *   request/response of the same guide (AMQP management, answer `status-code`), with the fields the
 *   client reads (EventHubProperties, PartitionProperties of @azure/event-hubs).
 * - a sender link attached to `<hub>` (the service picks the partition) or `<hub>/Partitions/<id>`,
 *   carrying single events or batches (message format 0x80013700, one data section per event), each
 *   settled `accepted`.
 * Not emulated: receiving (consumer groups), idempotent publishing, the Kafka endpoint.
 */
import rhea from 'rhea';
import type { Connection, Delivery, EventContext, Message, Receiver, Sender } from 'rhea';
import { listenAmqp } from './amqp-listener.ts';

const BATCH_FORMAT = 0x80013700;

export interface EventHubsEmulatorOptions {
  /** TCP port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Hub names; each has `partitionCount` partitions "0".."n-1" (default 2). */
  hubs: readonly string[];
  partitionCount?: number;
  /** Largest event (or batch) a sender link accepts, advertised as `max_message_size` (default 1 MiB, Standard tier). */
  maxMessageSize?: number;
}

/** An event as the hub stored it. */
export interface ReceivedEvent {
  readonly partitionId: string;
  readonly sequenceNumber: number;
  readonly messageId: string | undefined;
  readonly contentType: string | undefined;
  readonly partitionKey: string | undefined;
  readonly properties: Readonly<Record<string, unknown>>;
  /** The body section's kind (0x75 data, 0x77 AMQP value, 0x76 sequence) and its content: a Buffer for data. */
  readonly bodyType: 'data' | 'value' | 'sequence';
  readonly body: unknown;
  /** The put-token audience the connection presented before sending (what the client claimed). */
  readonly audiences: readonly string[];
}

export interface EventHubsEmulator {
  readonly port: number;
  /**
   * The connection string the real client takes (`UseDevelopmentEmulator=true` selects plain TCP):
   * of the namespace (the hub passed to the client), or of one hub (`EntityPath`).
   */
  connectionString(hub?: string): string;
  /** Every event a hub received, in arrival order. */
  events(hub: string): readonly ReceivedEvent[];
  /** Put-token requests seen, in order (audience and token type), for tests of the handshake. */
  readonly tokens: readonly { readonly name: string; readonly type: string }[];
  /** Sends fail (rejected, amqp:internal-error) while true: an outage the producer sees. */
  failSends(on: boolean): void;
  stop(): Promise<void>;
}

function addressOf(terminus: unknown): string {
  if (terminus && typeof terminus === 'object' && 'address' in terminus && typeof terminus.address === 'string') return terminus.address;
  return '';
}

interface Described {
  described(): unknown;
}
const outcome = rhea.message as unknown as { accepted(): Described; rejected(fields?: { error?: { condition: string; description?: string } }): Described };
interface LocalAttach {
  local: { attach: { snd_settle_mode?: number; rcv_settle_mode?: number; max_message_size?: number } };
}

/** Starts the Event Hubs emulator (test and dev tooling; never imported by production code). */
export async function startEventHubsEmulator(options: EventHubsEmulatorOptions): Promise<EventHubsEmulator> {
  const partitionCount = options.partitionCount ?? 2;
  const maxMessageSize = options.maxMessageSize ?? 1024 * 1024;
  const partitionIds = Array.from({ length: partitionCount }, (_, i) => String(i));
  const createdAt = new Date();
  const stored = new Map<string, ReceivedEvent[]>(options.hubs.map((h) => [h, []]));
  const tokens: { name: string; type: string }[] = [];
  const audiencesOf = new Map<Connection, string[]>();
  const replyLinks = new Map<Connection, Map<string, Sender>>();
  let failing = false;
  let roundRobin = 0;

  const container = rhea.create_container({ id: 'tripgen-eventhubs-emulator', autoaccept: false });

  /** `<hub>` or `<hub>/Partitions/<id>` -> hub and partition (undefined: the service chooses). */
  function parseTarget(address: string): { hub: string; partitionId?: string } | undefined {
    const [hub, partitions, id, ...rest] = address.split('/');
    if (!hub || !stored.has(hub) || rest.length > 0) return undefined;
    if (partitions === undefined) return { hub };
    if (partitions !== 'Partitions' || id === undefined || !partitionIds.includes(id)) return undefined;
    return { hub, partitionId: id };
  }

  const isRequestNode = (address: string) => address === '$cbs' || address === '$management';

  container.on('sender_open', (context: EventContext) => {
    const link = context.sender as Sender;
    link.set_source(link.source);
    link.set_target(link.target);
    const source = addressOf(link.source);
    if (!isRequestNode(source)) {
      link.close({ condition: 'amqp:not-implemented', description: `receiving from '${source}' is not emulated` });
      return;
    }
    const byName = replyLinks.get(link.connection) ?? new Map<string, Sender>();
    byName.set(link.name, link);
    const target = addressOf(link.target);
    if (target) byName.set(target, link);
    replyLinks.set(link.connection, byName);
  });

  container.on('receiver_open', (context: EventContext) => {
    const link = context.receiver as Receiver;
    link.set_source(link.source);
    link.set_target(link.target);
    const attach = (link as unknown as LocalAttach).local.attach;
    attach.snd_settle_mode = link.snd_settle_mode;
    attach.rcv_settle_mode = link.rcv_settle_mode;
    attach.max_message_size = maxMessageSize;
    const target = addressOf(link.target);
    if (!isRequestNode(target) && !parseTarget(target)) {
      link.close({ condition: 'amqp:not-found', description: `The messaging entity '${target}' could not be found.` });
    }
  });

  function reply(connection: Connection, request: Message, status: number, description: string, body: unknown = null): void {
    const link = replyLinks.get(connection)?.get(request.reply_to ?? '');
    if (!link) return;
    link.send({ correlation_id: request.message_id, application_properties: { 'status-code': status, 'status-description': description }, body });
  }

  function management(connection: Connection, request: Message): void {
    const props = request.application_properties ?? {};
    const hub = String(props.name ?? '');
    if (props.operation !== 'READ') return reply(connection, request, 501, `operation '${String(props.operation)}' is not emulated`);
    const events = stored.get(hub);
    if (!events) return reply(connection, request, 404, `The messaging entity '${hub}' could not be found.`);
    if (props.type === 'com.microsoft:eventhub') {
      return reply(connection, request, 200, 'OK', { name: hub, created_at: createdAt, partition_count: partitionCount, partition_ids: partitionIds });
    }
    if (props.type === 'com.microsoft:partition') {
      const partition = String(props.partition ?? '');
      if (!partitionIds.includes(partition)) return reply(connection, request, 404, `partition '${partition}' not found`);
      const inPartition = events.filter((e) => e.partitionId === partition);
      const last = inPartition.at(-1);
      return reply(connection, request, 200, 'OK', {
        name: hub,
        partition,
        begin_sequence_number: rhea.types.wrap_long(inPartition[0]?.sequenceNumber ?? -1),
        last_enqueued_sequence_number: rhea.types.wrap_long(last?.sequenceNumber ?? -1),
        last_enqueued_offset: String(last?.sequenceNumber ?? -1),
        last_enqueued_time_utc: createdAt,
        is_partition_empty: inPartition.length === 0,
      });
    }
    return reply(connection, request, 400, `unknown type '${String(props.type)}'`);
  }

  function store(hub: string, partitionId: string | undefined, message: Message, audiences: readonly string[]): void {
    const events = stored.get(hub)!;
    const annotations = (message.message_annotations ?? {}) as Record<string, unknown>;
    const partitionKey = typeof annotations['x-opt-partition-key'] === 'string' ? annotations['x-opt-partition-key'] : undefined;
    const partition = partitionId ?? partitionIds[roundRobin++ % partitionIds.length]!;
    // rhea decodes a data or sequence section as a Section (typecode, content), an AMQP value as the value itself.
    const section = message.body as { typecode?: number; content?: unknown } | undefined;
    const isSection = typeof section === 'object' && section !== null && typeof section.typecode === 'number' && 'content' in section;
    const bodyType = isSection ? (section.typecode === 0x75 ? 'data' : 'sequence') : 'value';
    events.push({
      partitionId: partition,
      sequenceNumber: events.filter((e) => e.partitionId === partition).length,
      messageId: message.message_id === undefined ? undefined : String(message.message_id),
      contentType: message.content_type,
      partitionKey,
      properties: { ...(message.application_properties ?? {}) },
      bodyType,
      body: isSection ? section.content : message.body,
      audiences: [...audiences],
    });
  }

  container.on('message', (context: EventContext) => {
    const link = context.receiver as Receiver;
    const delivery = context.delivery as Delivery;
    const message = context.message as Message;
    const target = addressOf(link.target);
    if (target === '$cbs') {
      const props = message.application_properties ?? {};
      tokens.push({ name: String(props.name ?? ''), type: String(props.type ?? '') });
      audiencesOf.set(link.connection, [...(audiencesOf.get(link.connection) ?? []), String(props.name ?? '')]);
      reply(link.connection, message, 202, 'Accepted');
      delivery.update(true, outcome.accepted().described());
      return;
    }
    if (target === '$management') {
      management(link.connection, message);
      delivery.update(true, outcome.accepted().described());
      return;
    }
    const at = parseTarget(target)!;
    if (failing) {
      delivery.update(true, outcome.rejected({ error: { condition: 'amqp:internal-error', description: 'emulated outage' } }).described());
      return;
    }
    const audiences = audiencesOf.get(link.connection) ?? [];
    if ((delivery as unknown as { format: number }).format === BATCH_FORMAT) {
      const envelope = rhea.message.decode(message as unknown as Buffer);
      const body = envelope.body as { content: Buffer | Buffer[]; multiple?: boolean };
      const parts = body.multiple ? (body.content as Buffer[]) : [body.content as Buffer];
      // A batch goes to one partition, as the service does.
      const partition = at.partitionId ?? partitionIds[roundRobin++ % partitionIds.length];
      for (const part of parts) store(at.hub, partition, rhea.message.decode(part) as unknown as Message, audiences);
    } else {
      store(at.hub, at.partitionId, message, audiences);
    }
    delivery.update(true, outcome.accepted().described());
  });

  const forget = (context: EventContext) => {
    replyLinks.delete(context.connection);
    audiencesOf.delete(context.connection);
  };
  container.on('connection_close', forget);
  container.on('disconnected', forget);
  for (const event of ['error', 'connection_error', 'session_error', 'sender_error', 'receiver_error', 'protocol_error'] as const) container.on(event, () => undefined);

  const listener = await listenAmqp(container, options.port ?? 0);
  const port = listener.port;

  return {
    port,
    connectionString: (hub) =>
      `Endpoint=sb://127.0.0.1:${port};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;${hub === undefined ? '' : `EntityPath=${hub};`}UseDevelopmentEmulator=true`,
    events: (hub) => stored.get(hub) ?? [],
    tokens,
    failSends(on) {
      failing = on;
    },
    stop: () => listener.close(),
  };
}

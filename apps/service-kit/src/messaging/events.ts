/**
 * Events for analytics on Azure Event Hubs, sent through the same transactional outbox as the
 * queue messages: `enqueueEvent` writes the event in the caller's transaction (sent if and only if
 * the change commits), the outbox relay hands rows addressed to a hub (EVENT_STREAMS) to an
 * EventPublisher and everything else to the Service Bus broker, and re-sends after a failure with
 * the same event id (at least once; consumers deduplicate on the id).
 *
 * On the wire an event is a CloudEvents 1.0 event in the AMQP binding's binary content mode
 * (github.com/cloudevents/spec, amqp-protocol-binding.md §3.1): the data is the body
 * (`application/json`), the event id is the AMQP message-id, and the attributes are application
 * properties named `cloudEvents:<attribute>`. Events of one subject (a trip) share a partition key,
 * so Event Hubs keeps their order.
 */
import { randomUUID } from 'node:crypto';
import type * as EventHubsSdk from '@azure/event-hubs';
import type { EventData, EventDataBatch, EventHubProducerClient } from '@azure/event-hubs';
import type { TokenCredential } from '@azure/identity';
import { CLOUD_EVENT_PROPERTY_PREFIX, EVENT_STREAMS, eventHubVariable } from '@tripgen/catalog';
import { azureCredentialFromEnv } from '../azure-credential.ts';
import { watchEntraTokens } from '../entra-token-watch.ts';
import type { OutgoingMessage } from './broker.ts';
import { OversizeMessageError } from './errors.ts';
import { insertOutboxRow, type OutboxRow } from './outbox.ts';
import type { SqlExecutor } from './sql.ts';

/** The hubs of the catalog's event streams. */
export const EVENT_HUBS: readonly string[] = EVENT_STREAMS.map((e) => e.hub);
export const isEventHub = (destination: string): boolean => EVENT_HUBS.includes(destination);

/** A CloudEvents 1.0 event as the outbox keeps it (JSON) and the publisher sends it. */
export interface CloudEvent<D = unknown> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  /** What the event is about (e.g. `trips/<id>`); also the Event Hubs partition key. */
  readonly subject: string;
  /** RFC 3339. */
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: D;
}

export interface NewEvent<D> {
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly data: D;
  /** A stable id makes a repeated write of the same fact one event (e.g. `<schedule id>.completed`); default: a UUID. */
  readonly id?: string;
  readonly time?: Date;
}

/**
 * Writes an event to the outbox inside the caller's transaction. The row's destination is the hub;
 * the event id is its message id, so writing the same id twice keeps one row. Returns the id.
 */
export async function enqueueEvent<D>(tx: SqlExecutor, hub: string, event: NewEvent<D>): Promise<string> {
  const row = outboxEvent(hub, event);
  await insertOutboxRow(tx, row.messageId, row.destination, row.json);
  return row.messageId;
}

/** The row `enqueueEvent` writes, checked the same way, for a statement that writes it with the change (withOutboxSql). */
export function outboxEvent<D>(hub: string, event: NewEvent<D>): OutboxRow {
  if (!isEventHub(hub)) throw new TypeError(`unknown event hub "${hub}"; one of ${EVENT_HUBS.join(', ')}`);
  const id = event.id ?? randomUUID();
  if (id.length === 0 || id.length > 128) throw new TypeError('event id must be 1 to 128 characters');
  const envelope: CloudEvent<D> = {
    specversion: '1.0',
    id,
    source: event.source,
    type: event.type,
    subject: event.subject,
    time: (event.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
  };
  return { messageId: id, destination: hub, json: JSON.stringify(envelope) };
}

/** The Event Hubs message of an event: binary content mode of the CloudEvents AMQP binding. */
export function toEventData(event: CloudEvent): EventData {
  const attributes = { specversion: event.specversion, id: event.id, source: event.source, type: event.type, subject: event.subject, time: event.time };
  return {
    body: event.data,
    contentType: event.datacontenttype,
    messageId: event.id,
    properties: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`${CLOUD_EVENT_PROPERTY_PREFIX}${k}`, v])),
  };
}

/** Where the outbox relay sends the rows addressed to a hub. */
export interface EventPublisher {
  publish(hub: string, messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export type EventHubsPublisherOptions = (
  | { readonly connectionString: string }
  | { readonly fullyQualifiedNamespace: string; readonly credential: TokenCredential }
) & {
  /** The Event Hubs name of a catalog hub where it differs (the manifests' TRIP_EVENTS_HUB); default: the catalog's name. */
  readonly hubNames?: Readonly<Record<string, string>>;
  /**
   * SDK-level retries per send; the outbox relay retries on top of these (defaults 3, 10 s a try:
   * a failing send ends well within the relay's 60 s claim lease, so another replica does not claim
   * and send the same events meanwhile; with 30 s a try, one send to a silent endpoint failed after
   * 60 s, the whole lease).
   */
  readonly retry?: { readonly maxRetries?: number; readonly retryDelayInMs?: number; readonly timeoutInMs?: number };
};

/**
 * Event Hubs adapter: the real @azure/event-hubs producer, against Azure (workload identity) or the emulator.
 * The SDK (with its AMQP stack) is loaded on the first publish, not with the kit: only a producing
 * service with Event Hubs configured uses it, and every other service carried it in its heap (issue 15).
 */
export function createEventHubsPublisher(options: EventHubsPublisherOptions): EventPublisher {
  const retryOptions = { maxRetries: options.retry?.maxRetries ?? 3, retryDelayInMs: options.retry?.retryDelayInMs ?? 500, timeoutInMs: options.retry?.timeoutInMs ?? 10_000 };
  const producers = new Map<string, EventHubProducerClient>();
  let closed = false;
  let sdk: Promise<typeof EventHubsSdk> | undefined;
  const producerFor = async (hub: string): Promise<EventHubProducerClient> => {
    const { EventHubProducerClient } = await (sdk ??= import('@azure/event-hubs'));
    if (closed) throw new Error('event publisher is closed');
    let producer = producers.get(hub);
    if (!producer) {
      const name = options.hubNames?.[hub] ?? hub;
      producer =
        'connectionString' in options
          ? new EventHubProducerClient(options.connectionString, name, { retryOptions })
          : new EventHubProducerClient(options.fullyQualifiedNamespace, name, options.credential, { retryOptions });
      producers.set(hub, producer);
    }
    return producer;
  };

  /** One subject's events, in order, in as few batches as the hub's size limit allows. */
  async function sendInOrder(hub: string, producer: EventHubProducerClient, partitionKey: string, events: readonly CloudEvent[]): Promise<void> {
    let batch: EventDataBatch = await producer.createBatch({ partitionKey });
    for (const event of events) {
      const data = toEventData(event);
      if (batch.tryAdd(data)) continue;
      // Checked alone before the full batch goes: an oversize event sends nothing of its batch.
      const next = await producer.createBatch({ partitionKey });
      if (!next.tryAdd(data)) throw new OversizeMessageError(event.id, next.maxSizeInBytes, hub);
      if (batch.count > 0) await producer.sendBatch(batch);
      batch = next;
    }
    if (batch.count > 0) await producer.sendBatch(batch);
  }

  return {
    async publish(hub, messages) {
      if (closed) throw new Error('event publisher is closed');
      if (!isEventHub(hub)) throw new TypeError(`unknown event hub "${hub}"`);
      const bySubject = new Map<string, CloudEvent[]>();
      for (const m of messages) {
        const event = m.body as CloudEvent;
        bySubject.set(event.subject, [...(bySubject.get(event.subject) ?? []), event]);
      }
      const producer = await producerFor(hub);
      // Subjects go out side by side; any failure fails the call, and the relay re-sends all of them (same ids).
      await Promise.all([...bySubject].map(([subject, events]) => sendInOrder(hub, producer, subject, events)));
    },
    async close() {
      closed = true;
      await Promise.all([...producers.values()].map((p) => p.close()));
      producers.clear();
    },
  };
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The publisher a producing service uses, from its environment: EVENTHUBS_CONNECTION_STRING (tests,
 * the emulator) or EVENTHUBS_FQDN (Azure: `<namespace>.servicebus.windows.net`, workload identity).
 * Neither set: undefined, and the service records no events (dev has no Event Hubs).
 */
export async function eventHubsPublisherFromEnv(env: Env = process.env, extra: Pick<EventHubsPublisherOptions, 'retry'> = {}): Promise<EventPublisher | undefined> {
  // Each hub's name from its variable (TRIP_EVENTS_HUB, catalog eventHubVariable), where set.
  const hubNames = Object.fromEntries(EVENT_HUBS.flatMap((hub) => (env[eventHubVariable(hub)]?.trim() ? [[hub, env[eventHubVariable(hub)]!.trim()]] : [])));
  const connectionString = env.EVENTHUBS_CONNECTION_STRING?.trim();
  if (connectionString) return createEventHubsPublisher({ connectionString, hubNames, ...extra });
  const fqdn = env.EVENTHUBS_FQDN?.trim();
  if (!fqdn) return undefined;
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/i.test(fqdn)) throw new Error(`EVENTHUBS_FQDN must be a host name such as tripgen-prod.servicebus.windows.net, got "${fqdn}"`);
  // Watched, as Service Bus's: the SDK renews each link's token 2 minutes before its expiry and writes a
  // failure to its own logger only, so Entra out of reach showed first as sends failing at the expiry.
  const watch = watchEntraTokens(await azureCredentialFromEnv(env), 'eventhubs', { fresh: () => azureCredentialFromEnv(env) });
  return createEventHubsPublisher({ fullyQualifiedNamespace: fqdn, credential: watch.credential, hubNames, ...extra });
}

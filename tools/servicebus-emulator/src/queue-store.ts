import { randomUUID } from 'node:crypto';
import type { Message } from 'rhea';

/** A message at rest in a queue or its dead-letter sub-queue. */
export interface StoredMessage {
  readonly sequenceNumber: number;
  readonly enqueuedAt: Date;
  /** The message as the sender encoded it, plus anything settlement changed (annotations, DLQ reason). */
  message: Message;
  /** Failed deliveries so far (AMQP header delivery-count semantics: 0 on the first delivery). */
  deliveryCount: number;
}

/** What happens to a locked message when its consumer lets go of it. */
export type Release =
  | { kind: 'complete' }
  | { kind: 'abandon'; annotations?: Record<string, unknown> }
  | { kind: 'deadLetter'; reason?: string; description?: string; properties?: Record<string, unknown> };

export const DEAD_LETTER_SUFFIX = '/$deadletterqueue';

/** The message annotation of a scheduled message's enqueue time (AMQP timestamp: a Date once decoded). */
const SCHEDULED_ENQUEUE_TIME = 'x-opt-scheduled-enqueue-time';
const scheduledAt = (value: unknown): number | undefined => (value instanceof Date ? value.getTime() : typeof value === 'number' ? value : undefined);

/**
 * One Service Bus entity (a queue, or a queue's `$deadletterqueue`): FIFO by sequence number,
 * with messages either available or locked by one delivery. Settlement rules live here, apart
 * from the AMQP plumbing, so they read like the Service Bus documentation.
 */
export class Entity {
  readonly available: StoredMessage[] = [];
  readonly locked = new Map<string, StoredMessage>();

  constructor(
    readonly name: string,
    private readonly store: QueueStore,
    readonly deadLetter: Entity | undefined,
  ) {}

  enqueue(message: Message): StoredMessage {
    // Service Bus assigns an id when the sender gave none; ours is a GUID's 32 hex digits, as the broker's.
    if (message.message_id === undefined || message.message_id === null || message.message_id === '') {
      message.message_id = randomUUID().replaceAll('-', '');
    }
    const stored: StoredMessage = {
      sequenceNumber: this.store.nextSequenceNumber(),
      enqueuedAt: new Date(),
      message,
      deliveryCount: 0,
    };
    // A scheduled message (the SDK's scheduledEnqueueTimeUtc, this annotation on the wire) is "only
    // available at the scheduled enqueue time" (learn.microsoft.com/azure/service-bus-messaging/
    // message-sequencing#scheduled-messages): held until then, a new message with its delivery count 0.
    const at = scheduledAt(message.message_annotations?.[SCHEDULED_ENQUEUE_TIME]);
    if (at !== undefined && at > Date.now()) {
      setTimeout(() => this.makeAvailable(stored), at - Date.now()).unref();
      return stored;
    }
    this.makeAvailable(stored);
    return stored;
  }

  private makeAvailable(stored: StoredMessage): void {
    this.available.push(stored);
    this.store.notify(this);
  }

  /** Takes the next available message, locked under `lockToken`. */
  lockNext(lockToken: string): StoredMessage | undefined {
    const next = this.available.shift();
    if (next) this.locked.set(lockToken, next);
    return next;
  }

  /** Takes the next available message for good (receiveAndDelete). */
  takeNext(): StoredMessage | undefined {
    return this.available.shift();
  }

  /** Settles a locked message; false when the lock is no longer held (expired or already settled). */
  release(lockToken: string, release: Release): boolean {
    const stored = this.locked.get(lockToken);
    if (!stored) return false;
    this.locked.delete(lockToken);
    if (release.kind === 'complete') return true;
    if (release.kind === 'deadLetter') {
      this.moveToDeadLetter(stored, release.reason, release.description, release.properties);
      return true;
    }
    if (release.annotations) {
      stored.message.message_annotations = { ...stored.message.message_annotations, ...release.annotations };
    }
    stored.deliveryCount += 1;
    if (this.deadLetter && stored.deliveryCount >= this.store.maxDeliveryCount) {
      this.moveToDeadLetter(
        stored,
        'MaxDeliveryCountExceeded',
        `Message could not be consumed after ${this.store.maxDeliveryCount} delivery attempts.`,
      );
      return true;
    }
    this.putBack(stored);
    return true;
  }

  isLocked(lockToken: string): boolean {
    return this.locked.has(lockToken);
  }

  private putBack(stored: StoredMessage): void {
    // Keep FIFO by sequence number: an abandoned message is the next one out again.
    const at = this.available.findIndex((m) => m.sequenceNumber > stored.sequenceNumber);
    if (at === -1) this.available.push(stored);
    else this.available.splice(at, 0, stored);
    this.store.notify(this);
  }

  private moveToDeadLetter(
    stored: StoredMessage,
    reason: string | undefined,
    description: string | undefined,
    properties: Record<string, unknown> = {},
  ): void {
    const target = this.deadLetter;
    if (!target) return; // a dead-letter queue has no dead-letter queue of its own: drop, as Service Bus does
    const message: Message = {
      ...stored.message,
      application_properties: {
        ...stored.message.application_properties,
        ...properties,
        ...(reason !== undefined ? { DeadLetterReason: reason } : {}),
        ...(description !== undefined ? { DeadLetterErrorDescription: description } : {}),
      },
      message_annotations: { ...stored.message.message_annotations, 'x-opt-deadletter-source': this.name },
    };
    const moved: StoredMessage = { ...stored, message };
    target.available.push(moved);
    target.available.sort((a, b) => a.sequenceNumber - b.sequenceNumber);
    this.store.notify(target);
  }
}

/** All entities of one emulator instance; survives a stop/start of the listener (a durable broker). */
export class QueueStore {
  private readonly entities = new Map<string, Entity>();
  private sequence = 0;
  private readonly listeners = new Set<(entity: Entity) => void>();

  constructor(
    queues: readonly string[],
    readonly maxDeliveryCount: number,
  ) {
    for (const name of queues) {
      const dlq = new Entity(`${name}${DEAD_LETTER_SUFFIX}`, this, undefined);
      this.entities.set(dlq.name.toLowerCase(), dlq);
      this.entities.set(name.toLowerCase(), new Entity(name, this, dlq));
    }
  }

  /** Entity names are case-insensitive in Service Bus. */
  get(address: string): Entity | undefined {
    return this.entities.get(address.toLowerCase());
  }

  nextSequenceNumber(): number {
    this.sequence += 1;
    return this.sequence;
  }

  onAvailable(listener: (entity: Entity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(entity: Entity): void {
    for (const listener of this.listeners) listener(entity);
  }
}

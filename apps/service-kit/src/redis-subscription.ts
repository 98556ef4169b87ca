import type { Redis } from 'ioredis';
import { isRedisReady } from './redis.ts';

/**
 * Keeps `channel` subscribed on a subscriber connection of the kit's (connectRedis): ioredis does
 * not resubscribe it (autoResubscribe off), so it is subscribed now if the connection is ready and
 * again at each (re)connect's 'ready'. A subscription that fails (the connection lost again before
 * it was sent or answered) is left to the next 'ready', never an unhandled rejection.
 */
export const keepSubscribed = (subscriber: Redis, channel: string, onMessage: (message: string) => void): void => {
  subscriber.on('message', (ch: string, message: string) => {
    if (ch === channel) onMessage(message);
  });
  const subscribe = () => void subscriber.subscribe(channel).catch(() => undefined);
  subscriber.on('ready', subscribe);
  if (isRedisReady(subscriber)) subscribe();
};

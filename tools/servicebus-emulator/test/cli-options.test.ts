import { expect, it } from 'vitest';
import { QUEUE_LIMITS, QUEUE_NAMES } from '@tripgen/catalog';
import { parseCliOptions } from '../src/cli-options.ts';
import { DEFAULT_EMULATOR_PORT } from '../src/emulator.ts';

// The emulator command's options: catalog defaults, the environment's port, and clear refusals.

it('defaults to the catalog queues and limit on the fixed development port', () => {
  expect(parseCliOptions([], {})).toEqual({ port: DEFAULT_EMULATOR_PORT, queues: [...QUEUE_NAMES], maxDeliveryCount: QUEUE_LIMITS.maxDeliveryCount });
});

it('takes the port from SERVICEBUS_EMULATOR_PORT, and a flag over it', () => {
  expect(parseCliOptions([], { SERVICEBUS_EMULATOR_PORT: '5999' }).port).toBe(5999);
  expect(parseCliOptions(['--port', '0'], { SERVICEBUS_EMULATOR_PORT: '5999' }).port).toBe(0);
});

it('takes a queue list (blanks dropped) and a max delivery count', () => {
  expect(parseCliOptions(['--queues', ' a, b,,c ', '--max-delivery-count', '3'], {})).toMatchObject({ queues: ['a', 'b', 'c'], maxDeliveryCount: 3 });
});

it('refuses a port out of range or not a number, a max delivery count below 1, and an unknown flag', () => {
  expect(() => parseCliOptions(['--port', '70000'], {})).toThrow('invalid port: 70000');
  expect(() => parseCliOptions([], { SERVICEBUS_EMULATOR_PORT: 'http' })).toThrow('invalid port: http');
  expect(() => parseCliOptions(['--max-delivery-count', '0'], {})).toThrow('invalid max delivery count: 0');
  expect(() => parseCliOptions(['--max-delivery-count', '2.5'], {})).toThrow('invalid max delivery count: 2.5');
  expect(() => parseCliOptions(['--verbose'], {})).toThrow(/verbose/);
});

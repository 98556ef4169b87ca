export { DEFAULT_EMULATOR_PORT, startServiceBusEmulator } from './emulator.ts';
export type { ServiceBusEmulator, ServiceBusEmulatorOptions } from './emulator.ts';
export { startEventHubsEmulator } from './event-hubs.ts';
export type { EventHubsEmulator, EventHubsEmulatorOptions, ReceivedEvent } from './event-hubs.ts';

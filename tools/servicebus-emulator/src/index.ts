export { startServiceBusEmulator } from './emulator.ts';
export type { ServiceBusEmulator, ServiceBusEmulatorOptions } from './emulator.ts';

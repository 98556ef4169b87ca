export { DEFAULT_EMULATOR_PORT, startServiceBusEmulator } from './emulator.ts';
export type { ServiceBusEmulator, ServiceBusEmulatorOptions } from './emulator.ts';

export * from './services.ts';
export * from './queues.ts';
export * from './cache.ts';
export * from './runtime.ts';
export * from './latency.ts';
export * from './places.ts';
export * from './environment.ts';
export * from './schedules.ts';

export function runCityBenchmark(): void {}

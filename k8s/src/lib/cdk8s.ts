/**
 * The three cdk8s classes the renderer uses, imported from their own modules: the package index
 * also loads Helm, Include (an HTTP client) and friends, which costs synth start-up time
 * (k8s/bench/synth.bench.ts) for nothing we use.
 */
export { App } from 'cdk8s/lib/app.js';
export { Chart } from 'cdk8s/lib/chart.js';
export { ApiObject } from 'cdk8s/lib/api-object.js';

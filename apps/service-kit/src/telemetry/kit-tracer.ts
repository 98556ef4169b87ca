import { trace, type Tracer } from '@opentelemetry/api';

/** The instrumentation scope of every span the kit starts (Application Insights shows it per span). */
export const KIT_TRACER_NAME = '@tripgen/service-kit';

/** The kit's tracer from the registered provider (a no-op one when tracing is off). */
export const kitTracer = (): Tracer => trace.getTracer(KIT_TRACER_NAME);

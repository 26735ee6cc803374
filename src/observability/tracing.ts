/**
 * OpenTelemetry tracing without global registration or auto-instrumentation: the gateway owns
 * a tracer provider that exports over OTLP/HTTP, and spans are made explicitly, with parents
 * passed by hand (the caller's `traceparent`, then the operation span).
 */
import {
  type Context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface GatewayTracing {
  tracer: Tracer;
  /** Sends the spans still buffered and stops exporting. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** The OTLP/HTTP collector root; spans are posted to `<endpoint>/v1/traces`. */
  endpoint: string;
  /** The resource's `service.name`. */
  serviceName: string;
}

export function createOtlpTracing(options: TracingOptions): GatewayTracing {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.endpoint}/v1/traces` }), {
        scheduledDelayMillis: 1000,
      }),
    ],
  });
  return { tracer: provider.getTracer('nelm-graphql-gateway'), shutdown: () => provider.shutdown() };
}

const propagator = new W3CTraceContextPropagator();

/** The caller's trace context (`traceparent`, `tracestate`), or the root when it sent none or a bad one. */
export function extractTraceContext(headers: Headers): Context {
  const carrier: Record<string, string> = {};
  for (const name of ['traceparent', 'tracestate']) {
    const value = headers.get(name);
    if (value !== null) carrier[name] = value;
  }
  return propagator.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
}

/** `traceparent` (and `tracestate`) naming the span of `context`; none when it has no valid span. */
export function traceHeaders(context: Context): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagator.inject(context, carrier, defaultTextMapSetter);
  return carrier;
}

export const hasSpan = (context: Context): boolean => trace.getSpanContext(context) !== undefined;

import { randomBytes } from 'node:crypto';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../helpers/gateway.ts';
import { attributeOf, type OtlpReceiver, startOtlpReceiver } from '../../helpers/otlp-receiver.ts';

/** The sources list, then a counted records page per source: a few upstream calls. */
const QUERY = `query TracedSources {
  nonEmployeeSources(first: 2) { edges { node { name records(first: 1) { totalCount } } } }
}`;

const callerTrace = () => ({
  traceId: randomBytes(16).toString('hex'),
  spanId: randomBytes(8).toString('hex'),
});

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());

describe('tracing over OTLP/HTTP', () => {
  it("makes one operation span in the caller's trace, a child per upstream call, and sends traceparent on", async () => {
    const t = await startGateway({
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SERVICE_NAME: 'gateway-under-test' },
    });
    const caller = callerTrace();
    let calls: number;
    let traceparents: string[];
    try {
      const token = await t.sandbox.tokenFor('admin');
      await t.sandbox.resetStats();
      const result = await t.gql(
        QUERY,
        {},
        { token, headers: { traceparent: `00-${caller.traceId}-${caller.spanId}-01` } },
      );
      expect(result.errors).toBeUndefined();
      const stats = await t.sandbox.stats();
      calls = stats.total;
      traceparents = stats.traceparents;
    } finally {
      await t.close(); // flushes the spans still buffered
    }

    const spans = receiver.spans.filter((span) => span.traceId === caller.traceId);
    const operations = spans.filter((span) => span.parentSpanId === caller.spanId);
    expect(operations).toHaveLength(1);
    const [operation] = operations;
    expect(operation.name).toBe('query TracedSources');
    expect(attributeOf(operation, 'graphql.operation.name')).toBe('TracedSources');
    expect(receiver.services).toContain('gateway-under-test');

    const upstream = spans.filter((span) => span.parentSpanId === operation.spanId);
    expect(calls).toBeGreaterThan(1);
    expect(upstream).toHaveLength(calls);
    expect(spans).toHaveLength(calls + 1);
    for (const span of upstream) {
      expect(span.name).toMatch(/^GET \/non-employee-(sources|records)$/);
      expect(attributeOf(span, 'http.response.status_code')).toBe(200);
      expect(attributeOf(span, 'gateway.upstream.retries')).toBe(0);
      expect(attributeOf(span, 'url.template')).toMatch(/^\/non-employee-/);
    }
    // The sandbox saw the caller's trace, each call naming its own span as the parent.
    expect(traceparents).toHaveLength(calls);
    expect(traceparents.map((header) => header.split('-')[2]).sort()).toEqual(
      upstream.map((span) => span.spanId).sort(),
    );
    for (const header of traceparents)
      expect(header).toMatch(new RegExp(`^00-${caller.traceId}-[0-9a-f]{16}-01$`));
  });

  it('counts retries on the upstream span', async () => {
    const t = await startGateway({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url } });
    const caller = callerTrace();
    try {
      const token = await t.sandbox.tokenFor('admin');
      await t.sandbox.setFaults({ failNext: [{ status: 503 }] });
      const headers = { traceparent: `00-${caller.traceId}-${caller.spanId}-01` };
      const result = await t.gql(`{ nonEmployeeSources(first: 1) { totalCount } }`, {}, { token, headers });
      expect(result.errors).toBeUndefined();
    } finally {
      await t.close();
    }
    const [call] = receiver.spans.filter((span) => span.traceId === caller.traceId && span.kind === 3);
    expect(attributeOf(call, 'gateway.upstream.retries')).toBe(1);
    expect(attributeOf(call, 'http.response.status_code')).toBe(200);
  });

  it("is off without an endpoint, yet passes the caller's traceparent to the upstream as it came", async () => {
    const t = await startGateway();
    const caller = callerTrace();
    const header = `00-${caller.traceId}-${caller.spanId}-01`;
    try {
      const token = await t.sandbox.tokenFor('admin');
      await t.sandbox.resetStats();
      await t.gql(
        `{ nonEmployeeSources(first: 1) { totalCount } }`,
        {},
        { token, headers: { traceparent: header } },
      );
      await t.gql(
        `{ nonEmployeeSources(first: 1) { totalCount } }`,
        {},
        { token, headers: { traceparent: 'junk' } },
      );
      expect((await t.sandbox.stats()).traceparents).toEqual([header]);
    } finally {
      await t.close();
    }
    expect(receiver.spans.filter((span) => span.traceId === caller.traceId)).toHaveLength(0);
  });

  it('uses a tracer handed in, and starts a trace of its own when the caller sent none', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const t = await startGateway({ deps: { tracer: provider.getTracer('test') } });
    try {
      const token = await t.sandbox.tokenFor('admin');
      await t.sandbox.resetStats();
      await t.gql(QUERY, {}, { token });
      const stats = await t.sandbox.stats();
      const spans = exporter.getFinishedSpans();
      const [operation] = spans.filter((span) => span.name === 'query TracedSources');
      expect(operation.parentSpanContext).toBeUndefined();
      const traceId = operation.spanContext().traceId;
      expect(
        spans.filter((span) => span.parentSpanContext?.spanId === operation.spanContext().spanId),
      ).toHaveLength(stats.total);
      expect(stats.traceparents).toHaveLength(stats.total);
      for (const header of stats.traceparents) expect(header.split('-')[1]).toBe(traceId);
    } finally {
      await t.close();
      await provider.shutdown();
    }
  });
});

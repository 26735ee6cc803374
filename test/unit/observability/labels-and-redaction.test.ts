import { describe, expect, it } from 'vitest';
import { createGatewayMetrics } from '../../../src/observability/metrics.ts';
import { readRequestId } from '../../../src/observability/request-id.ts';
import { captureLogs } from '../../helpers/log-capture.ts';

describe('the logger', () => {
  it('redacts credentials in any object it is handed', () => {
    const logs = captureLogs();
    logs.logger.info(
      { headers: { authorization: 'Bearer eyJ.abc', cookie: 'sid=1' }, clientSecret: 's3cr3t', token: 'tok' },
      'x',
    );
    const [line] = logs.lines();
    expect(line).toMatchObject({ headers: { authorization: '[redacted]', cookie: '[redacted]' } });
    expect(logs.text()).not.toMatch(/eyJ\.abc|sid=1|s3cr3t|"tok"/);
  });
});

describe('request ids', () => {
  it("keeps a caller's plain id and replaces anything else", () => {
    expect(readRequestId(new Headers({ 'x-request-id': 'abc-123' }))).toBe('abc-123');
    expect(readRequestId(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
    for (const sent of ['', 'a b', 'x'.repeat(129), '{"level":"error"}', 'id\r\nx-admin: 1']) {
      const headers = new Headers();
      if (!/[\r\n]/.test(sent)) headers.set('x-request-id', sent);
      else headers.set('x-request-id', sent.replace(/[\r\n]/g, ' '));
      expect(readRequestId(headers)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('operation labels', () => {
  it('keep plain names up to the cap, and call the rest other', () => {
    const metrics = createGatewayMetrics({ maxOperationNames: 2, processMetrics: false });
    expect(metrics.operationLabel('Dashboard')).toBe('Dashboard');
    expect(metrics.operationLabel(undefined)).toBe('anonymous');
    expect(metrics.operationLabel('has space')).toBe('other');
    expect(metrics.operationLabel('x'.repeat(65))).toBe('other');
    expect(metrics.operationLabel('Inbox')).toBe('Inbox');
    expect(metrics.operationLabel('Third')).toBe('other');
    expect(metrics.operationLabel('Dashboard')).toBe('Dashboard');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../../helpers/gateway.ts';

let t: TestGateway;
beforeAll(async () => {
  t = await startGateway();
});
afterAll(() => t.close());

describe('GraphiQL', () => {
  it('is served with its assets inline (no CDN) and opens with the example operations', async () => {
    const response = await t.gateway.fetch('http://gateway.test/graphql', {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).not.toContain('unpkg.com');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?https?:/);
    for (const operation of [
      'DashboardOverview',
      'ApprovalsInbox',
      'SourceDetail',
      'Approve',
      'ExpiredContractors',
    ]) {
      expect(html).toContain(operation);
    }
  });
});

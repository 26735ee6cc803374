import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayProcess, startGatewayProcess } from '../../helpers/gateway-process.ts';

const ESC = String.fromCharCode(27);

let gateway: GatewayProcess;
let bannerEnd = 0;

const post = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  }).then((response) => response.text());

/** What the process printed after its banner, once `count` request lines are in (bounded wait). */
async function linesAfterBanner(count: number): Promise<string[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const lines = gateway.stdout().slice(bannerEnd).split('\n').filter(Boolean);
    const requests = lines.filter((line) => line.includes('"msg":"graphql request"')).length;
    if (requests >= count || Date.now() > deadline) return lines;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  // DEBUG=1 turns on Yoga's own default logger wherever one is made: none may print.
  gateway = await startGatewayProcess('npm', ['start'], { LOG_LEVEL: 'debug', DEBUG: '1' });
  await post('{ __typename }');
  await linesAfterBanner(1);
  bannerEnd = gateway.stdout().length;
}, 90_000);
afterAll(async () => {
  gateway.child.kill('SIGTERM');
  await gateway.exited;
});

describe('LOG_LEVEL=debug', () => {
  it("prints only the gateway's own JSON lines: upstream calls and requests, none of Yoga's", async () => {
    await post('{ nonEmployeeSources(first: 2) { edges { node { name } } } }');
    await post('{ node(id: "abc") { id } }');
    await post('{ nonEmployeeApprovalSummary { pending } }', { 'x-sandbox-as': 'approver-1' });
    await post('{ nonEmployeeSources(first: 1) { edges { node { name } } ');
    await fetch(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } }).then((r) => r.text());

    const lines = await linesAfterBanner(4);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.every((line) => line.service === 'gateway')).toBe(true);
    expect(parsed.filter((line) => line.source === 'yoga' && line.level === 'debug')).toEqual([]);
    expect(parsed.filter((line) => line.msg === 'graphql request')).toHaveLength(4);
    expect(parsed.some((line) => line.level === 'debug' && line.msg === 'upstream call')).toBe(true);
    expect(gateway.stdout().slice(bannerEnd)).not.toContain(ESC);
    expect(gateway.stderr()).not.toContain(ESC);
    expect(gateway.stderr()).toBe('');
  }, 30_000);
});

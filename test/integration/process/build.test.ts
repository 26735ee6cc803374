import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { ROOT, runProject, startGatewayProcess } from '../../helpers/gateway-process.ts';

describe('production build', () => {
  it('`npm run build && node dist/main.js` serves the schema of schema.graphql, without tsx', async () => {
    const build = runProject('npm', ['run', 'build', '--silent']);
    expect(await build.exited, build.stdout() + build.stderr()).toBe(0);

    const gateway = await startGatewayProcess(process.execPath, ['dist/main.js']);
    try {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: getIntrospectionQuery({ specifiedByUrl: true, inputValueDeprecation: true }),
        }),
      });
      expect(response.status).toBe(200);
      const { data } = (await response.json()) as { data: IntrospectionQuery };
      const served = `${printSchema(lexicographicSortSchema(buildClientSchema(data)))}\n`;
      expect(served).toBe(readFileSync(join(ROOT, 'schema.graphql'), 'utf8'));
    } finally {
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
    }
    // What ran was compiled JavaScript: no TypeScript loader was on its command line.
    expect(gateway.child.spawnargs).toEqual([process.execPath, 'dist/main.js']);
  }, 240_000);
});

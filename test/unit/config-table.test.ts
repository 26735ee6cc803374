import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, renderConfigTable, withConfigTable } from '../../scripts/config-table.ts';
import { allSettings } from '../../src/config-settings.ts';

describe('the configuration table', () => {
  it('is the README table, generated from the declaration (npm run config-table)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toContain(renderConfigTable());
    expect(withConfigTable(readme)).toBe(readme);
  });

  it('has one row per declared setting, and each variable is declared once', () => {
    const variables = allSettings().map((entry) => entry.env);
    expect(new Set(variables).size).toBe(variables.length);
    expect(renderConfigTable().split('\n')).toHaveLength(variables.length + 2);
    expect(variables).toContain('SAIL_CLIENT_SECRET');
    expect(allSettings().find((entry) => entry.env === 'SAIL_CLIENT_SECRET')?.flag).toBeUndefined();
  });
});

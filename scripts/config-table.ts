import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Setting } from '../src/config-kinds.ts';
import { allSettings } from '../src/config-settings.ts';

const BEGIN =
  '<!-- config-table:begin (npm run config-table writes this table from src/config-settings.ts) -->';
const END = '<!-- config-table:end -->';

const shownDefault = (entry: Setting<unknown>): string => {
  if (entry.shownDefault !== undefined) return entry.shownDefault;
  if (typeof entry.default === 'function')
    throw new Error(`${entry.env}: a computed default needs shownDefault`);
  return `\`${String(entry.default)}\``;
};

/** The README's configuration table, one row per declared setting. */
export function renderConfigTable(): string {
  const rows = allSettings().map((entry) =>
    [
      `\`${entry.env}\``,
      entry.flag ? `\`--${entry.flag}\`` : '',
      shownDefault(entry),
      entry.values.replaceAll('|', '\\|').replaceAll('<', '\\<'),
      entry.doc,
    ].join(' | '),
  );
  return ['| Variable | Flag | Default | Values | Meaning |', '| --- | --- | --- | --- | --- |', ...rows]
    .map((row) => (row.startsWith('| ') ? row : `| ${row} |`))
    .join('\n');
}

/** The README with its table replaced by the rendered one. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${BEGIN} and ${END}`);
  return `${readme.slice(0, start + BEGIN.length)}\n${renderConfigTable()}\n${readme.slice(end)}`;
}

export const README = fileURLToPath(new URL('../README.md', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(README, withConfigTable(readFileSync(README, 'utf8')));
  process.stdout.write(`wrote the configuration table of ${README}\n`);
}

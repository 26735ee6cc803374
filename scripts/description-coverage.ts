import { descriptionCoverage, undescribedElements } from '../src/schema/description-coverage.ts';
import { schema } from '../src/schema/index.ts';

/** `npx tsx scripts/description-coverage.ts`: described schema elements per kind, then any that are not. */
const coverage = Object.entries(descriptionCoverage(schema));
const described = coverage.reduce((sum, [, kind]) => sum + kind.described, 0);
const total = coverage.reduce((sum, [, kind]) => sum + kind.total, 0);
const perKind = coverage.map(([name, kind]) => `${name} ${kind.described}/${kind.total}`).join(', ');
process.stdout.write(
  `${described}/${total} described (${((100 * described) / total).toFixed(1)}%): ${perKind}\n`,
);
for (const element of undescribedElements(schema)) {
  process.stdout.write(`  no description: ${element.kind} ${element.coordinate}\n`);
}

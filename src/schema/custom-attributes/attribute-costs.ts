import { MAX_CUSTOM_ATTRIBUTES } from '../../upstream/wire/nelm-limits.ts';
import { type CostFunction, MAX_SOURCES, writeCost } from '../cost/field-cost.ts';

/**
 * The schema attributes of the distinct sources among the parents: one call per source, batched;
 * the same call as those sources' own `schemaAttributes` when the operation selects them.
 */
export const customAttributesCost: CostFunction = (input) => {
  const sources = Math.min(input.parents, input.sources || MAX_SOURCES);
  return {
    calls: { [`schema-attributes@${input.sourcesPath ?? input.path}`]: sources },
    items: input.parents * MAX_CUSTOM_ATTRIBUTES,
    bounds:
      sources > 1
        ? `attributes: one schema-attributes call per distinct source, at most ${sources}`
        : undefined,
  };
};

const givesAttributes = (args: Record<string, unknown>) =>
  (args.input as { attributes?: unknown } | undefined)?.attributes != null;

/**
 * A create or replace: its write, and with `attributes` one read of the source's schema before it.
 * An update (`readsRecord`) also reads the record, for its source.
 */
export const attributeWriteCost =
  (readsRecord = false): CostFunction =>
  (input) => {
    const write = writeCost(input);
    if (!givesAttributes(input.args)) return write;
    return {
      ...write,
      calls: {
        ...write.calls,
        [`schema-attributes@${input.path}/write`]: 1,
        ...(readsRecord ? { [`record@${input.path}/write`]: 1 } : {}),
      },
    };
  };

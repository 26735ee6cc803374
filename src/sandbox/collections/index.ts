export { type FilterLiteral, type FilterNode, pinnedValue, pinnedValues } from './filter-ast.ts';
export { createFilterPredicate, type FieldGetter } from './filter-eval.ts';
export { parseFilter } from './filter-parser.ts';
export {
  booleanParam,
  type FilterAllowList,
  type ListParams,
  type ListSpec,
  listItems,
  listResponse,
  pageOf,
  parseListParams,
} from './list-params.ts';
export { createComparator, type SortKey } from './sorters.ts';

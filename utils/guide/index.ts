/** The guide format, version 1: schema, types, reading with French messages, and graph helpers. */
export * from './schema';
export { MAX_GUIDE_BYTES, type ParseResult, parseGuide, parseGuideText } from './parse';
export { type GuideProblem, formatProblems } from './problems';
export {
  ACTIONS_WITH_TARGET,
  type DoneWhen,
  doneWhenOf,
  itemById,
  itemIndex,
  nextItemId,
  reachableIds,
  successorIds,
} from './validate';

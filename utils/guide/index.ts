/** The guide format, versions 1 and 2: schema, types, reading with French messages, and graph helpers. */

export { type TargetDescription, targetSchema } from '../locate/target';
export {
  ACTIONS_WITH_TARGET,
  type DoneWhen,
  doneWhenOf,
  innerGuideIds,
  itemById,
  itemIndex,
  nextItemId,
  successorIds,
} from './graph';
export { type InnerGuidePlace, innerGuideIssues, innerGuideProblems } from './inner-guides';
export { MAX_GUIDE_BYTES, type ParseResult, parseGuide, parseGuideText } from './parse';
export { formatProblems, type GuideProblem } from './problems';
export * from './schema';
export { reachableIds } from './validate';

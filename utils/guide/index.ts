/** The guide format, version 1: schema, types, reading with French messages, and graph helpers. */

export { type TargetDescription, targetSchema } from '../locate/target';
export { ACTIONS_WITH_TARGET, type DoneWhen, doneWhenOf, itemById, itemIndex, nextItemId, successorIds } from './graph';
export { MAX_GUIDE_BYTES, type ParseResult, parseGuide, parseGuideText } from './parse';
export { formatProblems, type GuideProblem } from './problems';
export * from './schema';
export { reachableIds } from './validate';

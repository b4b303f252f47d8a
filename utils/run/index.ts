export { advance, type RunEvent } from './advance';
export { itemsAhead } from './navigate';
export {
  innerId,
  isPlayed,
  landing,
  levelPosition,
  MAX_DEPTH,
  PART_SEPARATOR,
  type PlayedGuide,
  type PlayedPart,
  partFirstId,
  partOf,
  partsAround,
  playedGuide,
} from './played';
export { canGoBack, type Recap, recap, spotlightOn, trail } from './recap';
export {
  currentItem,
  HELP_KINDS,
  HELP_LEVELS,
  type HelpKind,
  type HelpLevel,
  isRun,
  OUTCOMES,
  type Outcome,
  RUN_MODES,
  RUN_STATUSES,
  RUN_VERSION,
  type Run,
  type RunMode,
  type RunStatus,
  startRun,
  type Visit,
} from './run';
export { type InnerView, positionOf, type StepView, stepView } from './view';

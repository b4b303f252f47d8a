export {
  type Completion,
  emptyProgress,
  exportFile,
  exportFileName,
  FILE_TYPE,
  type FileRead,
  type GuideProgress,
  type ImportProblem,
  MAX_COMPLETIONS,
  MAX_FILE_BYTES,
  PROGRESS_VERSION,
  type Progress,
  readFile,
  readStored,
  type StoredRead,
} from './format';
export { entryOf, forgetGuide, type MergeResult, mergeProgress, recordFinishedRun } from './record';
export { CLEAN_IN_A_ROW, type Suggestion, suggestLevel, WINDOW } from './suggest';
export { type GuideReport, reportOf, reportsOf, type StepTally } from './summary';

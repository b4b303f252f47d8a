/**
 * Authoring for trainers, pure logic: page and site patterns from recorded
 * addresses, sensitive fields, first instructions and draft steps, the
 * plain-language assistant, Chrome DevTools Recorder import, and the stored
 * format of "my guides". Used by the recorder script and the editor page,
 * never by the playback content script.
 */
export {
  buildDraftGuide,
  DEFAULT_DRAFT_SUMMARY,
  DEFAULT_DRAFT_TITLE,
  DEFAULT_END_MESSAGE,
  type DraftGuideInput,
  needsEndMessage,
} from './draft-guide';
export {
  actionFor,
  cleanName,
  controlOf,
  type DraftOptions,
  draftInstruction,
  draftStep,
  fieldObject,
  type RecordedEvent,
  type RecordedEventKind,
  recordEvent,
  sameTarget,
  sanitizeTarget,
} from './instruction';
export { ACRONYMS_FR, type AcronymEntry, COMMON_ACRONYMS, JARGON_FR, type JargonTerm } from './jargon-fr';
export {
  type Advice,
  type AdviceRule,
  type CheckOptions,
  checkGuide,
  checkText,
  imperativeOf,
  MAX_WORDS,
  sentenceSpans,
  type TextAdvice,
} from './plain-language';
export {
  interfacePart,
  looksPersonal,
  PERSONAL_SHAPES,
  type PersonalShape,
  type PersonalSpan,
  personalShape,
  personalSpans,
} from './privacy';
export { DEFAULT_IMPORT_TITLE, importRecorderJson, importRecorderText, type RecorderImportResult, readSelectors } from './recorder-import';
export {
  addEvent,
  arrivedOnPage,
  finishRecording,
  MAX_RECORDED_STEPS,
  type RecordingState,
  readRecording,
  recorderState,
  startRecording,
} from './recording';
export { type RecorderState, recorderStateOf } from './recording-view';
export { personalFacts, type ReviewedFact, type ReviewReason, reviewGuide } from './review';
export {
  isSensitiveField,
  isTypedField,
  type RawAttributes,
  type SensitiveReason,
  type SensitiveVerdict,
  sensitiveText,
} from './sensitive';
export {
  ELEMENT_KINDS,
  type ElementKind,
  isPersonalChoice,
  KEPT_FACTS,
  kindOf,
  type ProtectOptions,
  protectTarget,
} from './target-privacy';
export { frQuote } from './text';
export { distinguishTwins } from './twins';
export { keyedHash, newRecordingKey, type TypedMatcher, typedMatcher, typedValueHashes } from './typed-values';
export { generalizeHref, generalizeSite, generalizeSites, generalizeUrl, isVolatileToken, scrubUrl } from './url-pattern';
export {
  type ConflictChoice,
  type ConflictResolution,
  emptyStore,
  type GuideOrigin,
  hasConflict,
  type MigrationResult,
  migrateStore,
  ORIGINS,
  removeGuide,
  resolveImportConflict,
  type SetAsideEntry,
  STORE_VERSION,
  type StoreOptions,
  saveGuide,
  type UserGuideEntry,
  type UserGuideStore,
  userGuides,
} from './user-guides';

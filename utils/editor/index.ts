/**
 * The guide editor's pure logic: the working copy and its operations, undo and
 * redo, the autosave format, problems placed next to their fields, reading an
 * import, writing an export, saving to « Mes guides », the item list's moves,
 * the tab a target is tested on, and the review of targets.
 */
export * from './autosave';
export * from './export';
export * from './fields';
export * from './history';
export * from './import';
export * from './item-list';
export * from './model';
export * from './my-guides';
export * from './review';
export * from './tabs';

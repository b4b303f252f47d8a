/**
 * The guide editor's pure logic: the working copy and its operations, undo and
 * redo, the autosave format, problems placed next to their fields, reading an
 * import, writing an export, and the tab a target is tested on.
 */
export * from './autosave';
export * from './export';
export * from './fields';
export * from './history';
export * from './import';
export * from './model';
export * from './tabs';

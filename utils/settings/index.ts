export {
  ALONE_SCALE,
  cssVariablesFor,
  DEFAULT_SETTINGS,
  displayClasses,
  parseSettings,
  reducedMotion,
  type Settings,
  TEXT_SCALES,
  THEMES,
  type ThemeColour,
  textScaleFor,
} from './settings';
export { loadSettings, saveSettings, watchSettings } from './store';

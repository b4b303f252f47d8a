/**
 * Kinds of elements, as the facts, the scores and the gathering of candidates all name them: one
 * list each, so that the three agree (and the bundle carries each once). Pure data.
 */

/** Tags and roles of what a person presses: buttons, links, tabs. */
export const CLICK_TAGS = ['button', 'a', 'summary', 'input'];
export const PRESS_ROLES = ['button', 'link', 'menuitem', 'tab'];
/** Input types that make a button. */
export const INPUT_BUTTON = /^(submit|button|reset|image)$/;

/** Roles of what a person checks or picks. */
export const CHOICE_ROLES = ['radio', 'checkbox', 'switch', 'menuitemradio', 'menuitemcheckbox'];

/** Tags and roles of what a person types or picks in. */
export const FIELD_TAGS = ['input', 'textarea', 'select'];
export const ENTRY_ROLES = ['textbox', 'searchbox', 'combobox', 'spinbutton'];

/** Headings, by tag, and by tag or role as a selector. */
export const HEADING = /^h[1-6]$/;
export const HEADINGS = 'h1,h2,h3,h4,h5,h6,[role=heading]';

/**
 * Which page of an older DSFR version corresponds to which 1.14.4 page, for
 * proposing benchmark cases. Paths are relative to the version root.
 */
export interface PagePair {
  group: 'template' | 'pattern' | 'component';
  before: string;
  after: string;
}

const NEW = '1.14.4/example';
const OLD = ['1.9.3', '1.12.1'] as const;

const templates: [string, string][] = [
  ['page/account/register/1-single', 'layout/page/register/1-single'],
  ['page/account/register/2-steps/2a-login', 'layout/page/register/2-steps/2a-login'],
  ['page/account/register/2-steps/2b-identity', 'layout/page/register/2-steps/2b-identity'],
  ['page/account/register/2-steps/2c-address', 'layout/page/register/2-steps/2c-address'],
  ['page/account/register/3-confirmation/3a-create', 'layout/page/register/3-confirmation/3a-create'],
  ['page/account/register/3-confirmation/3b-activate', 'layout/page/register/3-confirmation/3b-activate'],
  ['page/account/login/1-default', 'layout/page/login/1-default'],
  ['page/account/login/2-error', 'layout/page/login/2-error'],
];
/** The password-recovery pages moved between 1.9.3 and 1.12.1. */
const recover: Record<(typeof OLD)[number], [string, string][]> = {
  '1.9.3': [
    ['page/account/recover/1-form', 'layout/page/login/3-recover/3a-form'],
    ['page/account/recover/2-confirmation', 'layout/page/login/3-recover/3b-confirmation'],
  ],
  '1.12.1': [
    ['page/account/login/3-recover/3a-form', 'layout/page/login/3-recover/3a-form'],
    ['page/account/login/3-recover/3b-confirmation', 'layout/page/login/3-recover/3b-confirmation'],
  ],
};
const patterns = ['address', 'civility', 'company', 'date', 'name', 'nationality'];
/** Email and phone were components (input-email, input-tel) before they became patterns. */
const patternsFromComponents: [string, string][] = [
  ['component/input/input-email', 'layout/pattern/email'],
  ['component/input/input-tel', 'layout/pattern/tel'],
];
const components: [string, string][] = [
  ['component/input/input-base', 'component/input'],
  ['component/select', 'component/select'],
  ['component/radio', 'component/radio'],
  ['component/checkbox', 'component/checkbox'],
  ['component/upload', 'component/upload'],
  ['component/password', 'component/password'],
  ['component/button', 'component/button'],
  ['component/link', 'component/link'],
  ['component/connect', 'component/connect'],
  ['component/toggle', 'component/toggle'],
  ['component/search', 'component/search'],
  ['component/tab', 'component/tab'],
  ['component/accordion', 'component/accordion'],
  ['component/form', 'component/form'],
];
/** Components that 1.9.3 does not have. */
const since112 = new Set(['component/segmented', 'component/range']);

export function pagePairs(): PagePair[] {
  const pairs: PagePair[] = [];
  const add = (group: PagePair['group'], v: string, b: string, a: string) =>
    pairs.push({ group, before: `${v}/example/${b}/index.html`, after: `${NEW}/${a}/index.html` });
  for (const v of OLD) {
    for (const [b, a] of [...templates, ...recover[v]]) add('template', v, b, a);
    for (const p of patterns) add('pattern', v, `pattern/${p}`, `layout/pattern/${p}`);
    for (const [b, a] of patternsFromComponents) add('pattern', v, b, a);
    for (const [b, a] of components) add('component', v, b, a);
    if (v !== '1.9.3') for (const c of since112) add('component', v, c, c);
  }
  return pairs;
}

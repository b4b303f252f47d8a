import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { importRecorderJson, importRecorderText, readSelectors } from '../../../utils/authoring/recorder-import';
import { parseGuide } from '../../../utils/guide/parse';
import type { ActionStep } from '../../../utils/guide/schema';
import { useLocale } from '../i18n/locale';

beforeEach(() => useLocale('fr'));

const BASE = 'http://localhost:8643/1.14.4/example/layout/page/register/2-steps';

/** Values typed during the recording: none may reach the guide. */
const EMAIL = 'marie.curie@example.org';
const PASSWORD = 'S3cret-Passw0rd!';
const FULL_NAME = 'Marie Curie';
const SEARCH = 'sklodowska';
const COUNTRY = 'pays-pologne';

const idSelectors = (aria: string, id: string) => [[`aria/${aria}`], [`#${id}`], [`xpath///*[@id="${id}"]`], [`pierce/#${id}`]];

/** A recording as Chrome DevTools Recorder exports it (shape of @puppeteer/replay's UserFlow). */
function recording(): Record<string, unknown> {
  return {
    title: 'Créer un compte (entraînement)',
    steps: [
      { type: 'setViewport', width: 1280, height: 720, deviceScaleFactor: 1, isMobile: false, hasTouch: false, isLandscape: false },
      {
        type: 'navigate',
        url: `${BASE}/2a-login/index.html`,
        assertedEvents: [{ type: 'navigation', url: `${BASE}/2a-login/index.html`, title: 'Connexion' }],
      },
      {
        type: 'click',
        target: 'main',
        selectors: idSelectors('Identifiant Format attendu : nom@domaine.fr', 'username-8608'),
        offsetX: 120,
        offsetY: 18,
      },
      {
        type: 'change',
        value: EMAIL,
        selectors: idSelectors('Identifiant Format attendu : nom@domaine.fr', 'username-8608'),
        target: 'main',
      },
      { type: 'keyDown', target: 'main', key: 'Tab' },
      { type: 'keyUp', key: 'Tab', target: 'main' },
      { type: 'change', value: PASSWORD, selectors: idSelectors('Mot de passe', 'password-1234'), target: 'main' },
      {
        type: 'change',
        value: FULL_NAME,
        selectors: [['aria/Nom complet'], ['div.fr-input-group > input[name="nom-complet"]']],
        target: 'main',
      },
      {
        type: 'click',
        target: 'main',
        selectors: [
          ['aria/J’accepte les conditions[role="checkbox"]'],
          ['div.fr-checkbox-group > input'],
          ['xpath//html/body/div/main/form/div[3]/input'],
        ],
        offsetX: 8,
        offsetY: 8,
      },
      { type: 'click', target: 'main', selectors: [['aria/Madame[role="radio"]'], ['#civilite-madame']], offsetX: 8, offsetY: 8 },
      { type: 'change', value: COUNTRY, selectors: [['aria/Pays'], ['select#pays']], target: 'main' },
      {
        type: 'click',
        target: 'main',
        selectors: [['aria/Bonjour Marie Curie'], ['#menu-compte']],
        offsetX: 5,
        offsetY: 5,
      },
      { type: 'change', value: SEARCH, selectors: [['aria/Rechercher'], ['#recherche']], target: 'main' },
      {
        type: 'click',
        target: 'main',
        selectors: [['aria/Suivant[role="button"]'], ['form > button.fr-btn'], ['text/Suivant']],
        offsetX: 30,
        offsetY: 10,
        assertedEvents: [{ type: 'navigation', url: `${BASE}/2b-identity/${SEARCH}/index.html?session=abcdef123456&step=2`, title: '' }],
      },
      { type: 'waitForElement', selectors: [['h1']] },
      { type: 'hover', selectors: [['aria/Aide']] },
      { type: 'click', target: 'main', selectors: [['aria/Modifier']], offsetX: 1, offsetY: 1 },
      { type: 'navigate', url: 'https://app.franceconnect.gouv.fr/api/v1/authorize/123456789?state=zz' },
      { type: 'doubleClick', target: 'main', selectors: [['text/Continuer']], offsetX: 1, offsetY: 1 },
      { type: 'somethingNew', selectors: [] },
    ],
  };
}

function imported() {
  const result = importRecorderJson(recording());
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result;
}

const actionSteps = (steps: readonly unknown[]) => steps.filter((s): s is ActionStep => (s as ActionStep).kind === 'step');

describe('importRecorderJson', () => {
  it('makes a draft guide that parseGuide accepts: format 2, draft, title, sites, an end step', () => {
    const { guide } = imported();
    const reparsed = parseGuide(JSON.parse(JSON.stringify(guide)));
    expect(reparsed.ok).toBe(true);
    expect(guide.format).toBe(2);
    expect(guide.status).toEqual({ state: 'draft' });
    expect(guide.title).toBe('Créer un compte (entraînement)');
    expect(guide.id).toBe('creer-un-compte-entrainement');
    expect(guide.sites).toEqual(['http://localhost/*', 'https://app.franceconnect.gouv.fr/*']);
    expect(guide.steps.at(-1)?.kind).toBe('end');
  });

  it('turns clicks and changes into steps, merging the click into a field with its change', () => {
    const steps = actionSteps(imported().guide.steps);
    expect(steps.map((s) => [s.action, s.id])).toEqual([
      ['fill', 'identifiant'],
      ['fill', 'mot-de-passe'],
      ['fill', 'nom-complet'],
      ['check', 'j-accepte-les-conditions'],
      ['choose', 'madame'],
      ['choose', 'pays'],
      ['click', 'clic'],
      ['fill', 'rechercher'],
      ['click', 'suivant'],
      ['click', 'modifier'],
      ['go-to-page', 'aller-sur-la-page'],
      ['click', 'continuer'],
    ]);
  });

  it('turns selectors into target facts', () => {
    const steps = actionSteps(imported().guide.steps);
    const byId = (id: string) => steps.find((s) => s.id === id) as ActionStep;
    // The example address of the hint has the shape of an e-mail: the name keeps what comes before it.
    expect(byId('identifiant').target).toEqual({
      tag: 'input',
      name: 'Identifiant Format attendu',
      id: 'username-8608',
      idGenerated: true,
      withheld: ['name'],
    });
    expect(byId('nom-complet').target).toMatchObject({
      tag: 'input',
      name: 'Nom complet',
      nameAttr: 'nom-complet',
      cssPath: 'div.fr-input-group > input[name="nom-complet"]',
    });
    expect(byId('j-accepte-les-conditions').target).toMatchObject({
      tag: 'input',
      role: 'checkbox',
      type: 'checkbox',
      cssPath: 'div.fr-checkbox-group > input',
    });
    expect(byId('madame').target).toMatchObject({ tag: 'input', role: 'radio', type: 'radio', id: 'civilite-madame' });
    expect(byId('pays').target).toMatchObject({ tag: 'select', name: 'Pays', id: 'pays', cssPath: 'select#pays' });
    expect(byId('suivant').target).toMatchObject({ tag: 'button', role: 'button', name: 'Suivant', text: 'Suivant', classes: ['fr-btn'] });
  });

  it('writes first instructions and marks the password sensitive', () => {
    const steps = actionSteps(imported().guide.steps);
    const byId = (id: string) => steps.find((s) => s.id === id) as ActionStep;
    expect(byId('identifiant').instruction).toBe('Écrivez votre identifiant dans «\u00a0Identifiant\u00a0».');
    expect(byId('mot-de-passe').instruction).toBe('Tapez votre mot de passe dans «\u00a0Mot de passe\u00a0».');
    expect(byId('mot-de-passe').sensitive).toBe(true);
    expect(byId('identifiant').sensitive).toBe(false);
    expect(byId('pays').instruction).toBe('Choisissez dans la liste «\u00a0Pays\u00a0».');
    expect(byId('aller-sur-la-page').instruction).toBe('Allez sur le site «\u00a0app.franceconnect.gouv.fr\u00a0».');
  });

  it('gives each step its page, following navigations', () => {
    const steps = actionSteps(imported().guide.steps);
    const byId = (id: string) => steps.find((s) => s.id === id) as ActionStep;
    expect(byId('identifiant').page).toBe('/1.14.4/example/layout/page/register/2-steps/2a-login/index.html');
    expect(byId('suivant').page).toBe('/1.14.4/example/layout/page/register/2-steps/2a-login/index.html');
    // After the asserted navigation; the segment named after the search typed earlier is generalised.
    expect(byId('modifier').page).toBe('/1.14.4/example/layout/page/register/2-steps/2b-identity/*/index.html?*step=2*');
    expect(byId('aller-sur-la-page')).toMatchObject({ donePage: '/api/v1/authorize/*' });
    expect(byId('continuer').page).toBe('/api/v1/authorize/*');
  });

  it('never stores a recorded value, anywhere in the result', () => {
    const serialised = JSON.stringify(importRecorderJson(recording()));
    for (const value of [EMAIL, PASSWORD, FULL_NAME, SEARCH, COUNTRY, 'marie.curie', 'S3cret']) {
      expect(serialised).not.toContain(value);
      expect(serialised.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });

  it('drops a fact that contains a value typed earlier (a greeting with the name, a page named after a search)', () => {
    const steps = actionSteps(imported().guide.steps);
    const greeting = steps.find((s) => s.id === 'clic') as ActionStep;
    expect(greeting.target).toEqual({ tag: 'button', id: 'menu-compte', idGenerated: false });
    expect(greeting.instruction).toBe('Cliquez sur le bouton indiqué.');
  });

  it('says in French what was dropped, without quoting values', () => {
    const { dropped } = imported();
    const text = dropped.join('\n');
    expect(text).toContain('« setViewport »');
    expect(text).toContain('« keyDown » et « keyUp » (2 touches)');
    expect(text).toContain('Valeurs tapées ou choisies (5) : jamais gardées');
    expect(text).toContain('Clics dans un champ juste avant de le remplir (1)');
    expect(text).toContain('« waitForElement »');
    expect(text).toContain('« hover »');
    expect(text).toContain('« doubleClick » (1) : compté comme un simple clic.');
    expect(text).toContain('« somethingNew »');
    expect(text).toContain('Sélecteurs XPath');
    for (const value of [EMAIL, PASSWORD, FULL_NAME, SEARCH, COUNTRY]) expect(text).not.toContain(value);
  });

  it('says what was dropped in the interface language; the drafted steps stay in the guide’s language', async () => {
    await useLocale('en');
    const result = imported();
    const text = result.dropped.join('\n');
    expect(text).toContain('“keyDown” and “keyUp” (2 keys): keyboard keys are not kept.');
    expect(text).toContain('Values typed or chosen (5): never kept');
    expect(text).toContain('“doubleClick” (1): counted as a single click.');
    expect(text).not.toMatch(/non repris|jamais gardées/);
    expect(result.guide.steps.some((step) => step.kind === 'step' && step.instruction.startsWith('Cliquez'))).toBe(true);
  });

  it('replaces a title that contains a typed value', () => {
    const value = recording();
    value.title = `Compte de ${FULL_NAME}`;
    const result = importRecorderJson(value);
    expect(result.ok && result.guide.title).toBe('Parcours importé de Chrome');
  });

  it('refuses what is not a recording, with French problems', () => {
    const cases: [unknown, RegExp][] = [
      [null, /attendu : un objet avec « title » et « steps »/],
      ['texte', /attendu : un objet/],
      [[1, 2], /attendu : un objet/],
      [{ title: 'x' }, /il manque la liste des étapes/],
      [{ title: 'x', steps: [{ type: 'click', selectors: [['#a']] }] }, /aucune adresse de site web/],
      [{ title: 'x', steps: [{ type: 'navigate', url: 'about:blank' }] }, /aucune adresse de site web/],
      [
        {
          title: 'x',
          steps: [
            { type: 'navigate', url: 'https://x.fr/' },
            { type: 'keyDown', key: 'a' },
          ],
        },
        /aucune action utilisable/,
      ],
    ];
    for (const [input, message] of cases) {
      const result = importRecorderJson(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.message).join('\n')).toMatch(message);
    }
  });

  it('reads the text of a file, and refuses broken JSON', () => {
    const ok = importRecorderText(`\ufeff${JSON.stringify(recording())}`);
    expect(ok.ok).toBe(true);
    const broken = importRecorderText('{"title": "x", "steps": [');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0]?.message).toMatch(/pas du JSON valide/);
  });

  it('keeps steps without a navigation before them pageless, and caps very long recordings', () => {
    const steps: unknown[] = [
      { type: 'click', selectors: [['aria/Début']] },
      { type: 'navigate', url: 'https://x.fr/' },
    ];
    for (let i = 0; i < 300; i++) steps.push({ type: 'click', selectors: [[`aria/Bouton ${i}`]] });
    const result = importRecorderJson({ title: 'Long', steps });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.guide.steps.length).toBe(200);
    expect('page' in (result.guide.steps[0] as ActionStep)).toBe(false);
    expect(result.dropped.join('\n')).toMatch(/au-delà de 199/);
  });

  it('never throws and never keeps a value, whatever the recording', () => {
    const selector = fc.oneof(
      fc.constantFrom(
        'aria/Nom',
        'aria/Valider[role="button"]',
        '#champ',
        'xpath///*[@id="x"]',
        'text/OK',
        'pierce/#p',
        'form > input[name="n"]',
      ),
      fc.string(),
    );
    const step = fc.oneof(
      fc.record({ type: fc.constant('navigate'), url: fc.oneof(fc.webUrl(), fc.string()) }),
      fc.record({
        type: fc.constantFrom('click', 'doubleClick'),
        selectors: fc.array(fc.oneof(fc.array(selector, { maxLength: 3 }), selector), { maxLength: 4 }),
      }),
      fc.record({
        type: fc.constant('change'),
        value: fc.constant('VALEUR-SECRETE-9876'),
        selectors: fc.array(fc.array(selector, { maxLength: 2 }), { maxLength: 3 }),
      }),
      fc.record({ type: fc.string(), selectors: fc.anything() }),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.record({ title: fc.oneof(fc.string(), fc.anything()), steps: fc.array(step, { maxLength: 12 }) }), (flow) => {
        const result = importRecorderJson(flow);
        expect(JSON.stringify(result)).not.toContain('VALEUR-SECRETE-9876');
        if (result.ok) expect(parseGuide(JSON.parse(JSON.stringify(result.guide))).ok).toBe(true);
        else expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('readSelectors', () => {
  it.each([
    [[['aria/Valider[role="button"]']], { name: 'Valider', role: 'button' }],
    [[['aria/[role="textbox"][name="Nom \\"usuel\\""]']], { name: 'Nom "usuel"', role: 'textbox' }],
    [[['#\\31 23-nom']], { id: '123-nom' }],
    [[['xpath///*[@id="code-postal"]']], { id: 'code-postal' }],
    [[['text/Mot de passe oublié ?']], { text: 'Mot de passe oublié ?' }],
    [[['pierce/input#prenom']], { tag: 'input', id: 'prenom' }],
    [
      [['my-app', 'form > input[type="email"][autocomplete="email"]']],
      { tag: 'input', type: 'email', autocomplete: 'email', cssPath: 'form > input[type="email"][autocomplete="email"]' },
    ],
    [['button[data-testid="envoyer"]'], { tag: 'button', testId: 'data-testid=envoyer', cssPath: 'button[data-testid="envoyer"]' }],
    [[['input[placeholder="Rue, avenue…"]']], { tag: 'input', placeholder: 'Rue, avenue…', cssPath: 'input[placeholder="Rue, avenue…"]' }],
  ])('%j → %o', (selectors, expected) => {
    expect(readSelectors(selectors).facts).toEqual(expected);
  });

  it('never reads a value attribute, and takes the test id named by selectorAttribute', () => {
    const reading = readSelectors([['input[value="secret-typed"][data-qa="nom"]']], 'data-qa');
    expect(JSON.stringify(reading.facts.testId)).toBe('"data-qa=nom"');
    expect(JSON.stringify({ ...reading.facts, cssPath: undefined })).not.toContain('secret-typed');
    const custom = readSelectors([['[data-e2e="valider"]']], 'data-e2e');
    expect(custom.facts.testId).toBe('data-e2e=valider');
  });

  it('says when nothing identifies the target', () => {
    expect(readSelectors([['xpath//html/body/div[2]']]).usable).toBe(false);
    expect(readSelectors('pas une liste').usable).toBe(false);
    expect(readSelectors([['aria/Valider']]).usable).toBe(true);
  });
});

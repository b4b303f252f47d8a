/**
 * The JSON Schema of the guide format, generated from the zod schema, with
 * French descriptions so that a code editor explains each field on hover.
 * Used by `scripts/gen-guide-schema.ts` and its test; not bundled.
 */
import { z } from 'zod';
import { ACTIONS_WITH_TARGET } from './graph';
import { type Action, GUIDE_FORMAT, GUIDE_FORMATS, guideSchema } from './schema';

export const GUIDE_SCHEMA_ID = `urn:cote-a-cote:guide-format:${GUIDE_FORMAT}`;

/** Each action in an author's words: a new action needs its own. */
const ACTION_WORDS = {
  click: 'click',
  fill: 'fill (écrire)',
  choose: 'choose (choisir)',
  check: 'check (cocher)',
  'pick-file': 'pick-file (choisir un fichier)',
  read: 'read (lire)',
  'go-to-page': 'go-to-page (aller sur une page)',
} satisfies Record<Action, string>;

const withTarget = [...ACTIONS_WITH_TARGET];

type Context =
  | 'guide'
  | 'status'
  | 'prepare'
  | 'source'
  | 'step'
  | 'question'
  | 'end'
  | 'innerGuide'
  | 'choice'
  | 'target'
  | 'twin'
  | 'section';

/** Descriptions by place and field. Kept next to the generator: they only serve editors. */
const DESCRIPTIONS: Record<Context, Record<string, string>> = {
  guide: {
    $schema: 'Chemin vers ce schéma, pour que l’éditeur vérifie le fichier : « ./guide.schema.json ».',
    format:
      'Version du format des guides : 2 pour un nouveau guide (1 reste lisible). Le format 2 ajoute « theme », « sources », l’état « documented » et les étapes « guide ».',
    id: 'Identifiant du guide : minuscules sans accent, chiffres et tirets (ex. « impots-declarer-revenus »).',
    version: 'Version du guide lui-même, MAJEUR.MINEUR.CORRECTIF (ex. « 1.0.0 »).',
    lang: 'Langue des textes du guide (ex. « fr »).',
    title: 'Titre de la démarche, court (120 caractères au plus).',
    summary: 'Une ou deux phrases qui disent à quoi sert la démarche (200 caractères au plus).',
    status: 'Brouillon, écrit d’après l’aide officielle (et de quand date cette aide), ou vérifié sur le site réel (avec quoi et quand).',
    theme:
      'Thème sous lequel la popup range le guide (format 2) : impots (Impôts), sante (Santé), famille (Famille et solidarité), emploi (Emploi), identite (Identité et papiers), compte (Compte et connexion).',
    sources:
      'D’où viennent les étapes : les pages d’aide officielles lues, avec leur adresse et la date de lecture (format 2, 10 au plus).',
    sites: 'Sites où le guide s’utilise, sous forme de motifs (ex. « https://www.impots.gouv.fr/* »).',
    prepare: 'Ce qu’il faut avoir sous la main avant de commencer.',
    durationMinutes: 'Durée estimée de la démarche, en minutes.',
    steps: 'Les étapes, questions et fins, dans l’ordre. Le guide commence par le premier élément.',
  },
  status: {
    state:
      '« draft » (brouillon), « documented » (écrit d’après l’aide officielle, pas encore vérifié sur le site, format 2) ou « verified » (vérifié sur le site réel).',
    against: 'Sur quoi le guide a été vérifié : site et version (ex. « DSFR 1.14.4 »).',
    on: 'Date de la vérification (ou, pour « documented », de l’aide officielle lue), AAAA-MM-JJ.',
  },
  source: {
    title: 'Titre de la page d’aide (200 caractères au plus).',
    url: 'Adresse de la page, en « https:// ».',
    seen: 'Date où la page a été lue, AAAA-MM-JJ.',
  },
  prepare: {
    label: 'Ce qu’il faut préparer (ex. « Votre numéro fiscal »).',
    hint: 'Où le trouver, à quoi il ressemble.',
    sensitive: 'Vrai pour un secret ou un identifiant personnel (mot de passe, numéro fiscal…).',
  },
  step: {
    kind: '« step » : une action de la personne sur la page.',
    id: 'Identifiant de l’étape, unique dans le guide (minuscules, chiffres, tirets).',
    page: 'Chemin de la page où se passe l’étape ; « * » remplace n’importe quelle suite de caractères. Absent : toute page des sites du guide.',
    action: `Ce que fait la personne : ${Object.values(ACTION_WORDS).join(', ')}.`,
    target: `L’élément de la page à montrer, décrit par plusieurs indices. Obligatoire pour ${withTarget.slice(0, -1).join(', ')} et ${withTarget.at(-1)}.`,
    instruction: 'Ce qu’il faut faire, en une ou deux phrases courtes (300 caractères au plus).',
    why: 'Pourquoi on le fait, si la personne le demande (500 caractères au plus).',
    advisorTip: 'Conseil pour l’aidant ou l’aidante (500 caractères au plus).',
    sensitive: 'Vrai quand la personne tape un secret (mot de passe, numéro fiscal, NIR, RIB) : elle le tape seule, rien n’est gardé.',
    doneWhen:
      'Quand l’étape est faite : « action » (l’action sur la cible), « page » (arrivée sur « donePage »), « manual » (bouton « C’est fait »). Par défaut : « page » pour go-to-page, « manual » pour read, sinon « action ».',
    donePage: 'Chemin de la page qui termine l’étape quand « doneWhen » vaut « page » (ou pour go-to-page).',
    next: 'Identifiant de l’élément suivant. Absent : l’élément qui suit dans la liste.',
  },
  question: {
    kind: '« question » : une question qui oriente le parcours.',
    id: 'Identifiant de la question, unique dans le guide.',
    question: 'La question posée (200 caractères au plus).',
    why: 'Pourquoi on pose la question.',
    advisorTip: 'Conseil pour l’aidant ou l’aidante.',
    choices: 'Les réponses possibles, de 2 à 8.',
  },
  innerGuide: {
    kind: '« guide » : une étape qui joue tout un autre guide, puis revient (format 2).',
    id: 'Identifiant de l’étape, unique dans le guide.',
    guide: 'Identifiant du guide à jouer (ex. « franceconnect-se-connecter ») : il doit être installé, et ne pas rejouer ce guide-ci.',
    instruction: 'Ce que fait la personne à cette étape, en une phrase (ex. « Connectez-vous avec FranceConnect. »).',
    why: 'Pourquoi on le fait, si la personne le demande.',
    advisorTip: 'Conseil pour l’aidant ou l’aidante.',
    next: 'Identifiant de l’élément où continuer une fois l’autre guide fini. Absent : l’élément qui suit dans la liste.',
  },
  choice: {
    label: 'La réponse, courte (80 caractères au plus).',
    next: 'Identifiant de l’élément où mène cette réponse.',
  },
  end: {
    kind: '« end » : une fin du parcours.',
    id: 'Identifiant de la fin, unique dans le guide.',
    message: 'Message montré à la fin, avec le récapitulatif.',
  },
  target: {
    tag: 'Nom de la balise en minuscules : input, button, a, select…',
    role: 'Rôle ARIA (button, textbox, radio, link…).',
    name: 'Nom accessible de l’élément.',
    label: 'Texte de l’étiquette <label>, sans le texte d’aide.',
    nameAttr: 'Attribut name du champ.',
    type: 'Attribut type (email, password, radio, submit…).',
    autocomplete: 'Attribut autocomplete.',
    placeholder: 'Texte indicatif du champ.',
    text: 'Texte visible (boutons, liens).',
    href: 'Chemin du lien.',
    choiceValue: 'Valeur d’une case ou d’une option, fixée par la page.',
    testId: 'Attribut de test, sous la forme attribut=valeur.',
    controls:
      'Identifiants de ce que l’élément commande (aria-controls), quand aucun ne semble généré : la fenêtre ou le panneau qu’il ouvre.',
    id: 'Attribut id.',
    idGenerated: 'Vrai quand l’id semble généré (compteur, empreinte) : indice faible.',
    classes: 'Classes CSS de l’élément.',
    context: 'Légende, groupe ou titre le plus proche.',
    neighbourText: 'Texte des éléments voisins.',
    cssPath: 'Chemin CSS relevé à l’enregistrement.',
    alike: 'Nombre d’éléments semblables à la cible (même nature, même nom), elle comprise : 1 si elle était unique.',
    twin: 'Quand plusieurs éléments ont les mêmes indices : la position de celui-ci parmi eux, dans l’ordre de la page, et leur nombre.',
    around:
      'Classes de variante (« bloc--variante ») des deux éléments qui l’entourent : la variante du composant où il se trouve (par exemple fr-toggle--label-left).',
    framePath: 'Chemins CSS des cadres (iframes) qui mènent à l’élément, du plus extérieur au plus intérieur.',
    withheld:
      'Indices que l’enregistreur a retirés ou raccourcis parce qu’ils pouvaient contenir des données personnelles (jamais leur contenu).',
    section:
      'La partie de la page où se trouve l’élément : le titre qui la précède, son rang parmi les éléments de même nature sous ce titre, et leur nombre.',
  },
  section: {
    heading: 'Texte du titre de la partie (le titre le plus proche avant l’élément, hors d’un autre composant).',
    index: 'Rang parmi les éléments de même nature sous ce titre, à partir de 0, dans l’ordre de la page.',
    count: 'Nombre d’éléments de même nature sous ce titre quand la cible a été relevée.',
  },
  twin: {
    index: 'Position parmi les éléments identiques, à partir de 0, dans l’ordre de la page.',
    count: 'Nombre d’éléments identiques sur la page quand la cible a été relevée.',
  },
};

type Json = { [key: string]: unknown };

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeProperties(node: Json, context: Context): void {
  const properties = node.properties;
  if (!isObject(properties)) return;
  for (const [key, child] of Object.entries(properties)) {
    if (!isObject(child)) continue;
    const description = DESCRIPTIONS[context][key];
    if (description) child.description = description;
    if (context === 'step' && key === 'target') describeProperties(child, 'target');
    if (context === 'target' && key === 'twin') describeProperties(child, 'twin');
    if (context === 'target' && key === 'section') describeProperties(child, 'section');
    if (context === 'question' && key === 'choices' && isObject(child.items)) describeProperties(child.items, 'choice');
    if (context === 'guide' && key === 'prepare' && isObject(child.items)) describeProperties(child.items, 'prepare');
    if (context === 'guide' && key === 'sources' && isObject(child.items)) describeProperties(child.items, 'source');
    if (context === 'guide' && key === 'status') for (const option of asArray(child.oneOf)) describeProperties(option, 'status');
    if (context === 'guide' && key === 'steps' && isObject(child.items)) {
      for (const option of asArray(child.items.oneOf)) {
        const kind = isObject(option.properties) && isObject(option.properties.kind) ? option.properties.kind.const : undefined;
        if (kind === 'step' || kind === 'question' || kind === 'end') describeProperties(option, kind);
        if (kind === 'guide') describeProperties(option, 'innerGuide');
      }
    }
  }
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The JSON Schema written to `guides/guide.schema.json`. */
export function buildGuideJsonSchema(): Json {
  const generated = z.toJSONSchema(guideSchema, { io: 'input' }) as Json;
  describeProperties(generated, 'guide');
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: GUIDE_SCHEMA_ID,
    title: `Guide Côte à côte (formats ${GUIDE_FORMATS.join(' et ')})`,
    description:
      'Un guide pas à pas pour faire une démarche en ligne avec la personne. Fichier généré par scripts/gen-guide-schema.ts à partir de utils/guide/schema.ts : ne pas le modifier à la main. Voir docs/guide-format.md.',
    ...rest,
  };
}

/** The file's text: stable formatting, final newline. */
export function guideJsonSchemaText(): string {
  return `${JSON.stringify(buildGuideJsonSchema(), null, 2)}\n`;
}

/**
 * The project's word list for the plain-language assistant: administrative
 * words and phrases that the people we help often do not know, each with a
 * plainer way to say it. Add to it freely; keep each suggestion short.
 *
 * `match` is a regular expression source applied to the folded text (lower
 * case, no accents, plain apostrophes `'`), whole words only. Acronyms live in
 * `ACRONYMS_FR`, matched in capitals on the original text.
 */

export interface JargonTerm {
  /** The word as a trainer would write it. */
  term: string;
  /** Regular expression source on folded text (see `fold`). */
  match: string;
  /** A plainer way to say it. */
  plain: string;
}

export interface AcronymEntry {
  /** What the letters stand for, in full. */
  expansion: string;
  /** A plainer way to say it, when the full form is itself jargon. */
  plain?: string;
}

export const JARGON_FR: readonly JargonTerm[] = [
  {
    term: 'justificatif de domicile',
    match: 'justificatifs? de domicile',
    plain: 'un papier qui prouve votre adresse, par exemple une facture d’électricité',
  },
  { term: 'pièce justificative', match: 'pieces? justificatives?', plain: 'un document qui prouve ce que vous déclarez' },
  { term: 'justificatif', match: 'justificatifs?', plain: 'un document qui prouve ce que vous dites, par exemple une facture' },
  {
    term: 'numéro d’accès en ligne',
    match: "numeros? d'acces en ligne",
    plain: 'le code à 7 chiffres écrit sur votre dernière déclaration de revenus papier',
  },
  {
    term: 'revenu fiscal de référence',
    match: 'revenus? fiscal de reference|revenus fiscaux de reference',
    plain: 'le montant écrit en haut de votre avis d’impôt',
  },
  {
    term: 'avis d’imposition',
    match: "avis d'imposition|avis de non[- ]imposition",
    plain: 'la lettre des impôts qui dit combien vous payez',
  },
  {
    term: 'numéro fiscal',
    match: "(?:identifiant|numero) fiscal|numero d'identification fiscale?",
    plain: 'le numéro à 13 chiffres écrit en haut de votre avis d’impôt',
  },
  { term: 'attestation', match: 'attestations?', plain: 'un papier officiel qui prouve votre situation' },
  { term: 'numéro allocataire', match: "numeros? (?:d')?allocataires?", plain: 'le numéro écrit sur les courriers de la caisse' },
  { term: 'allocataire', match: 'allocataires?', plain: 'la personne qui reçoit l’aide' },
  {
    term: 'ayant droit',
    match: 'ayants?[- ]droits?',
    plain: 'une personne de votre famille qui a les mêmes droits que vous, par exemple votre enfant',
  },
  { term: 'télédéclarer', match: 'teledeclar\\w*', plain: 'déclarer sur internet' },
  { term: 'dématérialisé', match: 'dematerialis\\w*', plain: 'sur internet, sans papier' },
  { term: 'identifiant', match: 'identifiants?', plain: 'le nom ou le numéro qui vous fait reconnaître sur le site' },
  { term: 'habilitation', match: 'habilitations?|habilite(?:e|s|es)?', plain: 'l’autorisation' },
  { term: 'récépissé', match: 'recepisses?', plain: 'le reçu qui prouve que votre demande est arrivée' },
  { term: 'formulaire Cerfa', match: '(?:formulaires? )?cerfa', plain: 'le formulaire officiel (son numéro est écrit en haut)' },
  {
    term: 'quotient familial',
    match: 'quotients? familia(?:l|ux)',
    plain: 'le calcul qui tient compte de vos revenus et de la taille de votre famille',
  },
  { term: 'prestation', match: 'prestations?(?: sociales?| familiales?)?', plain: 'l’aide, l’argent versé par la caisse' },
  { term: 'foyer fiscal', match: 'foyers? fiscaux|foyers? fiscal', plain: 'les personnes qui déclarent leurs revenus ensemble' },
  { term: 'déclarant', match: 'declarants?|declarantes?', plain: 'la personne qui remplit la déclaration' },
  { term: 'bénéficiaire', match: 'beneficiaires?', plain: 'la personne qui reçoit l’aide ou l’argent' },
  { term: 'usager', match: 'usagers?|usageres?', plain: 'vous' },
  { term: 'demandeur', match: 'demandeurs?|demandeuses?', plain: 'la personne qui fait la demande, vous' },
  { term: 'titulaire', match: 'titulaires?', plain: 'la personne à qui appartient le compte ou la carte' },
  { term: 'domiciliation', match: 'domiciliations?', plain: 'l’adresse où vous recevez votre courrier' },
  { term: 'imposable', match: 'imposables?', plain: 'sur lequel vous payez des impôts' },
  { term: 'redevable', match: 'redevables?', plain: 'la personne qui doit payer' },
  { term: 'échéancier', match: 'echeanciers?', plain: 'le calendrier des paiements' },
  { term: 'échéance', match: 'echeances?', plain: 'la date limite' },
  {
    term: 'prélèvement à la source',
    match: 'prelevements? a la source',
    plain: 'l’impôt retiré chaque mois de votre salaire ou de votre pension',
  },
  { term: 'prélèvement', match: 'prelevements?', plain: 'l’argent retiré directement de votre compte' },
  { term: 'mensualisation', match: 'mensualis\\w*', plain: 'payer un peu chaque mois' },
  { term: 'recouvrement', match: 'recouvrements?', plain: 'le fait de vous faire payer ce que vous devez' },
  { term: 'indu', match: 'indus?|trop[- ]percus?', plain: 'de l’argent reçu en trop, qu’il faut rendre' },
  { term: 'régularisation', match: 'regularis\\w*', plain: 'la correction du montant' },
  { term: 'rétroactif', match: 'retroacti\\w*', plain: 'pour les mois passés' },
  { term: 'ouverture de droits', match: 'ouvertures? (?:de|des|du) droits?', plain: 'le début de votre aide' },
  { term: 'ouvrant droit', match: 'ouvrant droit', plain: 'qui donne droit' },
  { term: 'affiliation', match: 'affiliations?', plain: 'votre inscription à la caisse' },
  { term: 'immatriculation', match: 'immatricul\\w*', plain: 'l’inscription, et son numéro' },
  { term: 'actualisation', match: 'actualisations?', plain: 'la déclaration de votre situation chaque mois' },
  { term: 'radiation', match: 'radiations?', plain: 'la fin de votre inscription' },
  { term: 'notification', match: 'notifications?', plain: 'la lettre ou le message qui vous informe' },
  { term: 'mise en demeure', match: 'mises? en demeure', plain: 'une lettre qui vous oblige à payer ou à agir avant une date' },
  { term: 'recours gracieux', match: 'recours(?: gracieux| contentieux)?', plain: 'une demande pour contester une décision' },
  { term: 'procuration', match: 'procurations?', plain: 'l’autorisation donnée à quelqu’un d’agir pour vous' },
  { term: 'mandataire', match: 'mandataires?', plain: 'la personne qui agit pour vous' },
  { term: 'un tiers', match: "(?:un|d'un|a un|des|les) tiers|tierces? personnes?", plain: 'une autre personne' },
  { term: 'complémentaire santé', match: 'complementaires? sante', plain: 'la mutuelle' },
  { term: 'assuré social', match: 'assures? sociaux|assuree?s? sociale?s?', plain: 'la personne inscrite à la Sécurité sociale' },
  { term: 'cotisation', match: 'cotisations?', plain: 'l’argent que vous payez régulièrement pour avoir des droits' },
  { term: 'espace personnel', match: 'espaces? (?:personnel|particulier|securise)s?', plain: 'votre compte sur le site' },
  { term: 'authentification', match: 'authentifi\\w*', plain: 'la connexion à votre compte' },
  { term: 'téléservice', match: 'teleservices?|teleprocedures?', plain: 'la démarche sur internet' },
  { term: 'télétransmettre', match: 'teletransm\\w*', plain: 'envoyer par internet' },
  { term: 'saisir', match: 'saisi(?:r|ssez|ssant|e|es)?', plain: 'écrire, écrivez' },
  { term: 'renseigner', match: 'renseign(?:er|ez|e|es|ant)', plain: 'écrire, remplir' },
  { term: 'modalités', match: 'modalites?', plain: 'la façon de faire' },
  { term: 'conformément à', match: 'conformement (?:a|aux?)', plain: 'comme le dit' },
  { term: 'afférent', match: 'afferent(?:e|s|es)?', plain: 'qui concerne' },
  { term: 'le cas échéant', match: 'le cas echeant', plain: 'si besoin' },
  { term: 'à compter du', match: "a compter (?:du|de|d')", plain: 'à partir du' },
  { term: 'au titre de', match: "au titre (?:de|du|des|d')", plain: 'pour' },
  { term: 'sous réserve de', match: "sous reserve (?:de|du|des|d'|que)", plain: 'si' },
  { term: 'en vigueur', match: 'en vigueur', plain: 'actuel' },
  { term: 'délivrer', match: 'delivr(?:er|ez|e|ee|es|ees|ance)', plain: 'donner' },
  { term: 'procéder à', match: 'proced(?:er|ez) a', plain: 'faire' },
  { term: 'effectuer', match: 'effectu(?:er|ez|e|ee|es|ees)', plain: 'faire' },
  { term: 'dûment', match: 'dument', plain: 'bien, correctement' },
  { term: 'ressources', match: 'ressources', plain: 'vos revenus : salaire, aides, pensions…' },
];

/** Acronyms of French administration, with what they stand for. */
export const ACRONYMS_FR: Readonly<Record<string, AcronymEntry>> = {
  RSA: { expansion: 'revenu de solidarité active' },
  APL: { expansion: 'aide personnalisée au logement', plain: 'l’aide pour payer le loyer' },
  ALS: { expansion: 'allocation de logement sociale', plain: 'une aide pour payer le loyer' },
  ALF: { expansion: 'allocation de logement familiale', plain: 'une aide pour payer le loyer' },
  RFR: { expansion: 'revenu fiscal de référence', plain: 'le montant écrit en haut de votre avis d’impôt' },
  NIR: { expansion: 'numéro d’inscription au répertoire', plain: 'votre numéro de sécurité sociale' },
  CAF: { expansion: 'caisse d’allocations familiales' },
  CPAM: { expansion: 'caisse primaire d’assurance maladie', plain: 'votre caisse d’assurance maladie (l’Assurance Maladie)' },
  MSA: { expansion: 'mutualité sociale agricole' },
  RIB: { expansion: 'relevé d’identité bancaire', plain: 'le papier de votre banque avec le numéro de votre compte' },
  IBAN: { expansion: 'numéro international de compte bancaire', plain: 'le numéro de votre compte en banque' },
  BIC: { expansion: 'code d’identification de la banque', plain: 'le code de votre banque' },
  URSSAF: { expansion: 'union de recouvrement des cotisations de sécurité sociale et d’allocations familiales' },
  CSG: { expansion: 'contribution sociale généralisée' },
  AAH: { expansion: 'allocation aux adultes handicapés' },
  ASPA: { expansion: 'allocation de solidarité aux personnes âgées', plain: 'le minimum vieillesse' },
  ANTS: { expansion: 'Agence nationale des titres sécurisés' },
  CNI: { expansion: 'carte nationale d’identité', plain: 'la carte d’identité' },
  AME: { expansion: 'aide médicale de l’État' },
  CSS: { expansion: 'complémentaire santé solidaire' },
  CMU: { expansion: 'couverture maladie universelle' },
  ARE: { expansion: 'allocation d’aide au retour à l’emploi', plain: 'l’allocation chômage' },
  ASS: { expansion: 'allocation de solidarité spécifique' },
  PAJE: { expansion: 'prestation d’accueil du jeune enfant' },
  DGFIP: { expansion: 'direction générale des finances publiques', plain: 'les impôts' },
  SIP: { expansion: 'service des impôts des particuliers', plain: 'le centre des impôts' },
  MDPH: { expansion: 'maison départementale des personnes handicapées' },
  CCAS: { expansion: 'centre communal d’action sociale' },
  CNAV: { expansion: 'caisse nationale d’assurance vieillesse', plain: 'l’Assurance retraite' },
};

/** Everyday acronyms that need no explanation. */
export const COMMON_ACRONYMS: ReadonlySet<string> = new Set([
  'PDF',
  'SMS',
  'OK',
  'TV',
  'USB',
  'GPS',
  'WIFI',
  'RER',
  'SNCF',
  'RATP',
  'EDF',
  'SAMU',
  'SOS',
  'JPG',
  'JPEG',
  'PNG',
  'QR',
  'PC',
  'CB',
  'CV',
  'TTC',
  'HT',
  'UE',
  'FAQ',
  'JJ',
  'MM',
  'AA',
  'AAAA',
  'HH',
]);

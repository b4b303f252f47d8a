import { describe, expect, it } from 'vitest';
import { ACRONYMS_FR, JARGON_FR } from '../../../utils/authoring/jargon-fr';
import { type AdviceRule, checkGuide, checkText, imperativeOf, sentenceSpans } from '../../../utils/authoring/plain-language';
import { fold } from '../../../utils/authoring/text';
import { parseGuide } from '../../../utils/guide/parse';

const rules = (text: string, rule: AdviceRule) => checkText(text, { lang: 'fr' }).filter((a) => a.rule === rule);
const flaggedText = (text: string, rule: AdviceRule) => rules(text, rule).map((a) => text.slice(a.start, a.end));

describe('long-sentence', () => {
  const flagged = [
    'Pour créer votre compte sur le site des impôts vous devez avoir votre numéro fiscal et votre dernier avis.',
    'Cliquez sur le bouton bleu en bas de la page pour passer à la suite de votre déclaration en ligne.',
    'Si vous ne trouvez pas le courrier de la caisse, regardez dans votre boîte e-mail ou appelez le service client.',
    'Le site vous envoie un code par SMS sur votre téléphone portable et vous devez le recopier dans la case.',
    'Préparez une facture récente, votre carte d’identité, votre RIB et le numéro de votre dossier avant de commencer.',
  ];
  it.each(flagged)('flags: %s', (text) => {
    const advice = rules(text, 'long-sentence');
    expect(advice).toHaveLength(1);
    expect(advice[0]?.message).toMatch(/^Phrase longue : \d+ mots\. Visez 15 mots au plus/);
    expect(text.slice(advice[0]?.start, advice[0]?.end)).toBe(text);
  });

  const fine = [
    'Cliquez sur « Valider ».',
    'Écrivez votre nom de famille dans la case « Nom ».',
    'Vous recevez un code par SMS. Recopiez-le dans la case. Puis cliquez sur « Continuer ».',
    'Préparez votre carte Vitale, votre RIB et une facture récente à votre adresse.',
    'Le site vous demande votre numéro fiscal : il est en haut de votre avis d’impôt.',
  ];
  it.each(fine)('does not flag: %s', (text) => {
    expect(rules(text, 'long-sentence')).toEqual([]);
  });

  it('counts 15 words as fine and 16 as long, and points at the long sentence only', () => {
    const fifteen = 'un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze.';
    expect(rules(fifteen, 'long-sentence')).toEqual([]);
    const text = `Cliquez ici. ${fifteen.replace('.', ' seize.')} Merci.`;
    const advice = rules(text, 'long-sentence');
    expect(advice).toHaveLength(1);
    expect(advice[0]?.message).toContain('16 mots');
    expect(text.slice(advice[0]?.start, advice[0]?.end)).toBe(
      'un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize.',
    );
  });

  it('honours maxWords', () => {
    expect(checkText('Cliquez sur le bouton bleu en bas.', { lang: 'fr', maxWords: 5 }).some((a) => a.rule === 'long-sentence')).toBe(true);
  });
});

describe('sentenceSpans', () => {
  it('splits on end punctuation and line breaks, not on abbreviations, decimals or addresses', () => {
    const text = 'Allez sur impots.gouv.fr puis cliquez. Par ex. la page 2.5 ! Écrivez à M. Dupont ?\nFin';
    expect(sentenceSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Allez sur impots.gouv.fr puis cliquez.',
      'Par ex. la page 2.5 !',
      'Écrivez à M. Dupont ?',
      'Fin',
    ]);
  });
});

describe('several-instructions', () => {
  const flagged: [string, string[]][] = [
    ['Cliquez sur « Valider » et saisissez votre code.', ['Cliquez', 'saisissez']],
    ['Ouvrez votre boîte e-mail, puis cliquez sur le lien.', ['Ouvrez', 'cliquez']],
    ['Connectez-vous et allez dans « Mon espace ».', ['Connectez-vous', 'allez']],
    ['Choisissez le fichier, vérifiez son nom, puis envoyez-le.', ['Choisissez', 'vérifiez', 'envoyez-le']],
    ['Si vous avez un compte, cliquez sur « Se connecter » et écrivez votre identifiant.', ['cliquez', 'écrivez']],
    ['N’oubliez pas votre RIB (relevé d’identité bancaire) et préparez votre avis.', ['N’oubliez', 'préparez']],
    ['Étape 2 : Ouvrez le courrier et cherchez le numéro.', ['Ouvrez', 'cherchez']],
  ];
  it.each(flagged)('flags: %s', (text, verbs) => {
    const advice = rules(text, 'several-instructions');
    expect(advice).toHaveLength(1);
    expect(advice[0]?.message).toContain(`${verbs.length} consignes`);
    for (const verb of verbs) expect(advice[0]?.message).toContain(`« ${verb} »`);
  });

  const fine = [
    'Cliquez sur « Valider ».',
    'Si vous avez déjà un compte, cliquez sur « Se connecter ».',
    'Vous pouvez ensuite fermer la page et vous recevrez un e-mail.',
    'Cliquez sur « Vérifiez vos informations ».',
    'Avez-vous reçu le code ? Souhaitez-vous continuer ?',
    'Allez chez votre banquier avec votre carte.',
    'Prenez votre rendez-vous en ligne.',
    'Cliquez sur le nom de M. Gonzalez.',
    'Vous le recevez par courrier, et vous l’avez aussi par e-mail.',
  ];
  it.each(fine)('does not flag: %s', (text) => {
    expect(rules(text, 'several-instructions')).toEqual([]);
  });
});

describe('jargon', () => {
  const flagged: [string, string][] = [
    ['Préparez votre justificatif de domicile.', 'justificatif de domicile'],
    ['Joignez un justificatif.', 'justificatif'],
    ['Écrivez votre numéro d’accès en ligne.', 'numéro d’accès en ligne'],
    ['Indiquez votre revenu fiscal de référence.', 'revenu fiscal de référence'],
    ['Gardez votre avis d’imposition.', 'avis d’imposition'],
    ['Vous pouvez télédéclarer vos revenus.', 'télédéclarer'],
    ['Les ayants droit sont vos enfants.', 'ayants droit'],
    ['Le récépissé arrive par e-mail.', 'récépissé'],
    ['Le montant dépend du quotient familial.', 'quotient familial'],
    ['Remplissez le formulaire Cerfa.', 'formulaire Cerfa'],
    ['Saisissez votre nom.', 'Saisissez'],
  ];
  it.each(flagged)('flags: %s', (text, term) => {
    const advice = rules(text, 'jargon');
    expect(advice.map((a) => text.slice(a.start, a.end))).toEqual([term]);
    expect(advice[0]?.message).toMatch(/mot administratif\. Dites plutôt « .+ », ou expliquez-le\./);
    expect(advice[0]?.suggestion).toBeTruthy();
  });

  const fine = [
    'Préparez une facture d’électricité à votre adresse.',
    'Préparez votre justificatif (une facture de moins de 3 mois).',
    'Gardez votre attestation : c’est le papier qui prouve vos droits.',
    'Cliquez sur « Espace particulier ».',
    'Vous recevez une aide chaque mois.',
    'Le renseignement est gratuit.',
  ];
  it.each(fine)('does not flag: %s', (text) => {
    expect(rules(text, 'jargon')).toEqual([]);
  });

  it('flags a term once, at its first occurrence, and prefers the longest match', () => {
    const text = 'Le justificatif de domicile est un justificatif. Un autre justificatif aussi.';
    expect(flaggedText(text, 'jargon')).toEqual(['justificatif de domicile', 'justificatif']);
    const advice = rules(text, 'jargon');
    expect(advice[1]?.start).toBe(text.indexOf('justificatif.'));
  });
});

describe('the word list', () => {
  it('has at least 40 administrative terms, each with a plain suggestion that it matches itself', () => {
    expect(JARGON_FR.length).toBeGreaterThanOrEqual(40);
    const terms = new Set<string>();
    for (const entry of JARGON_FR) {
      expect(entry.plain.trim().length).toBeGreaterThan(0);
      expect(terms.has(entry.term)).toBe(false);
      terms.add(entry.term);
      const re = new RegExp(`^(?:${entry.match})$`, 'u');
      expect(re.test(fold(entry.term)), entry.term).toBe(true);
    }
    for (const term of [
      'justificatif',
      'numéro d’accès en ligne',
      'revenu fiscal de référence',
      'avis d’imposition',
      'attestation',
      'allocataire',
      'ayant droit',
      'télédéclarer',
      'dématérialisé',
      'identifiant',
      'habilitation',
      'récépissé',
      'formulaire Cerfa',
      'quotient familial',
      'prestation',
    ]) {
      expect(terms.has(term), term).toBe(true);
    }
    for (const acronym of ['RSA', 'APL', 'RFR', 'NIR', 'CAF', 'RIB']) expect(ACRONYMS_FR[acronym]?.expansion).toBeTruthy();
  });
});

describe('acronym', () => {
  const flagged: [string, string][] = [
    ['Préparez votre RFR.', 'RFR'],
    ['Écrivez votre NIR dans la case.', 'NIR'],
    ['La CAF vous écrit.', 'CAF'],
    ['Ayez votre RIB sous la main.', 'RIB'],
    ['Demandez l’APL sur le site.', 'APL'],
    ['Le XYZA traite votre dossier.', 'XYZA'],
  ];
  it.each(flagged)('flags: %s', (text, acronym) => {
    const advice = rules(text, 'acronym');
    expect(advice.map((a) => text.slice(a.start, a.end))).toEqual([acronym]);
    expect(advice[0]?.message).toContain(`« ${acronym} »`);
  });

  it('suggests the full form of a known acronym', () => {
    expect(rules('Préparez votre RFR.', 'acronym')[0]?.message).toContain('revenu fiscal de référence');
    expect(rules('Le XYZA traite votre dossier.', 'acronym')[0]?.message).toContain('sigle');
  });

  const fine = [
    'Préparez votre RFR (le montant en haut de votre avis d’impôt).',
    'Votre revenu fiscal de référence (RFR) est sur votre avis. Recopiez le RFR.',
    'La caisse d’allocations familiales vous écrit. La CAF répond vite.',
    'Téléchargez le PDF et recevez un SMS.',
    'Cliquez sur « Mon RIB ».',
    'Le chapitre IV explique la suite.',
    'La Caisse Primaire d’Assurance Maladie, la CPAM, vous rembourse.',
  ];
  it.each(fine)('does not flag: %s', (text) => {
    expect(rules(text, 'acronym')).toEqual([]);
  });

  it('flags an acronym once, at its first occurrence', () => {
    const text = 'Le NIR est long. Gardez votre NIR.';
    const advice = rules(text, 'acronym');
    expect(advice).toHaveLength(1);
    expect(advice[0]?.start).toBe(3);
  });

  it('leaves shouted sentences alone', () => {
    expect(rules('ATTENTION : NE FERMEZ PAS CETTE PAGE AVANT LA FIN.', 'acronym')).toEqual([]);
  });
});

describe('passive', () => {
  const flagged: [string, string][] = [
    ['Votre numéro fiscal est demandé.', 'est demandé'],
    ['Les documents sont transmis par la caisse.', 'sont transmis'],
    ['Un e-mail a été envoyé à votre adresse.', 'a été envoyé'],
    ['Votre demande sera traitée sous 15 jours.', 'sera traitée'],
    ['Le formulaire doit être rempli en entier.', 'être rempli'],
    ['Vous êtes invité à vous connecter.', 'êtes invité'],
    ['Les pièces sont automatiquement vérifiées.', 'sont automatiquement vérifiées'],
    ['Vous serez redirigé vers FranceConnect.', 'serez redirigé'],
  ];
  it.each(flagged)('flags: %s', (text, span) => {
    expect(flaggedText(text, 'passive')).toEqual([span]);
    expect(rules(text, 'passive')[0]?.message).toContain('forme passive');
  });

  const fine = [
    'Vous êtes arrivé sur la page d’accueil.',
    'Vous êtes connecté.',
    'Quand vous serez arrivé, cliquez sur « Suivant ».',
    'Le site est disponible la nuit.',
    'Votre dossier est complet.',
    'C’est terminé.',
    'L’été dernier, vous avez déclaré vos revenus.',
    'Elle est née en 1980.',
    'Il est recommandé de garder ce papier.',
    'Le bouton « Votre demande est envoyée » apparaît.',
    'Votre compte est prêt.',
  ];
  it.each(fine)('does not flag: %s', (text) => {
    expect(rules(text, 'passive')).toEqual([]);
  });
});

describe('impersonal', () => {
  const flagged: [string, string][] = [
    ['Il faut cliquer sur « Valider ».', 'Il faut'],
    ['Il convient de vérifier vos informations.', 'Il convient de'],
    ['Il est nécessaire d’avoir un compte.', 'Il est nécessaire d’'],
    ['Ensuite on doit choisir un mot de passe.', 'on doit'],
    ['L’usager doit fournir un justificatif.', 'L’usager doit'],
    ['Cliquer sur « Valider ».', 'Cliquer'],
    ['Saisir votre numéro fiscal.', 'Saisir'],
    ['Vérifier vos informations avant d’envoyer.', 'Vérifier'],
    ['Se connecter avec FranceConnect.', 'Se connecter'],
    ['Ne pas oublier de signer.', 'Ne pas oublier'],
  ];
  it.each(flagged)('flags: %s', (text, span) => {
    expect(flaggedText(text, 'impersonal')).toEqual([span]);
  });

  it('leaves infinitives alone when asked (titles and labels)', () => {
    expect(checkText('Déclarer mes revenus', { lang: 'fr', infinitives: false })).toEqual([]);
    expect(checkText('Il faut déclarer', { lang: 'fr', infinitives: false }).map((a) => a.rule)).toEqual(['impersonal']);
  });

  it('suggests the « vous » form of an infinitive', () => {
    expect(rules('Cliquer sur « Valider ».', 'impersonal')[0]?.suggestion).toBe('Cliquez');
    expect(rules('Télécharger le formulaire.', 'impersonal')[0]?.suggestion).toBe('Téléchargez');
    expect(rules('Choisir une date.', 'impersonal')[0]?.suggestion).toBe('Choisissez');
    expect(rules('Se connecter avec FranceConnect.', 'impersonal')[0]?.suggestion).toBe('Connectez-vous');
    expect(rules('S’inscrire sur le site.', 'impersonal')[0]?.suggestion).toBe('Inscrivez-vous');
    expect(rules('Ne pas oublier de signer.', 'impersonal')[0]?.suggestion).toBe('N’oubliez pas');
    expect(rules('Ne pas fermer la page.', 'impersonal')[0]?.suggestion).toBe('Ne fermez pas');
  });

  const fine = [
    'Cliquez sur « Valider ».',
    'Vous devez choisir un mot de passe.',
    'Le dossier est prêt.',
    'Premier rendez-vous à 10 h.',
    'Votre numéro fiscal est sur votre avis d’impôt.',
    'Cliquez sur « Il faut valider ».',
    'Selon votre situation, vous recevez une aide.',
    'Dossier complet.',
  ];
  it.each(fine)('does not flag: %s', (text) => {
    expect(rules(text, 'impersonal')).toEqual([]);
  });
});

describe('checkText', () => {
  it('advises, in order of position, with offsets into the text', () => {
    const text = 'Il faut saisir votre NIR. Le code est envoyé par SMS.';
    const advice = checkText(text, { lang: 'fr' });
    expect(advice.map((a) => a.rule)).toEqual(['impersonal', 'jargon', 'acronym', 'passive']);
    for (let i = 1; i < advice.length; i++) expect(advice[i]!.start).toBeGreaterThanOrEqual(advice[i - 1]!.start);
    for (const a of advice) {
      expect(a.end).toBeGreaterThan(a.start);
      expect(a.message).toMatch(/\.$/);
    }
  });

  it('gives nothing for a plain text, an empty text or another language', () => {
    expect(checkText('Cliquez sur « Valider ».', { lang: 'fr' })).toEqual([]);
    expect(checkText('', { lang: 'fr' })).toEqual([]);
    expect(checkText('Il faut saisir votre NIR.', { lang: 'en' })).toEqual([]);
    expect(checkText('Il faut saisir votre NIR.', { lang: 'fr-BE' }).length).toBeGreaterThan(0);
  });

  it('keeps offsets right with accents, typographic apostrophes and non-breaking spaces', () => {
    const text = 'Écrivez à l’accueil\u00a0: l’équipe est prévenue. Préparez votre RFR.';
    const acronym = rules(text, 'acronym')[0];
    expect(text.slice(acronym?.start, acronym?.end)).toBe('RFR');
    expect(flaggedText(text, 'passive')).toEqual(['est prévenue']);
  });
});

describe('checkGuide', () => {
  it('lists advice by the path of each text of a guide', () => {
    const parsed = parseGuide({
      format: 1,
      id: 'essai',
      version: '1.0.0',
      lang: 'fr',
      title: 'Déclarer mes revenus',
      summary: 'Un essai.',
      status: { state: 'draft' },
      sites: ['https://www.exemple.gouv.fr/*'],
      prepare: [{ label: 'Votre RFR' }],
      durationMinutes: 5,
      steps: [
        {
          kind: 'question',
          id: 'q',
          question: 'Avez-vous un compte ?',
          choices: [
            { label: 'Oui', next: 'a' },
            { label: 'Il faut en créer un', next: 'a' },
          ],
        },
        { kind: 'step', id: 'a', action: 'read', instruction: 'Cliquer sur la page.' },
        { kind: 'end', id: 'fin', message: 'Le dossier est transmis.' },
      ],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(checkGuide(parsed.guide).map((t) => [t.path, t.advice.map((a) => a.rule)])).toEqual([
      ['prepare[0].label', ['acronym']],
      ['steps[0].choices[1].label', ['impersonal']],
      ['steps[1].instruction', ['impersonal']],
      ['steps[2].message', ['passive']],
    ]);
  });
});

describe('imperativeOf', () => {
  it.each([
    ['Cliquer', 'Cliquez'],
    ['télécharger', 'téléchargez'],
    ['Remplir', 'Remplissez'],
    ['écrire', 'écrivez'],
    ['Prendre', 'Prenez'],
  ])('%s → %s', (infinitive, imperative) => {
    expect(imperativeOf(infinitive)).toBe(imperative);
  });
});

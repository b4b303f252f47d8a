import { describe, expect, it } from 'vitest';
import { interfacePart, looksPersonal, personalShape } from '../../../utils/authoring/privacy';

/** Texts of someone's data, as public sites show them on a logged-in account. Each must be caught. */
const PERSONAL: string[] = [
  // NIR, with and without spaces
  '2 85 03 75 123 456 78',
  '285037512345678',
  'NIR : 2 85 03 75 123 456 78',
  'N° de sécurité sociale 1 92 11 69 385 042 31',
  '1920269385042',
  // numéro fiscal (13 digits), numéro allocataire (7), France Travail
  '3012345678901',
  'Numéro fiscal : 30 12 345 678 901',
  'Numéro allocataire 1234567',
  'Allocataire n° 7654321',
  'Identifiant France Travail : 1234567A',
  'Votre identifiant : 09876543B',
  // IBAN, BIC, card
  'FR76 3000 6000 0112 3456 7890 189',
  'FR7630006000011234567890189',
  'IBAN : FR76 1027 8060 0000 0203 4560 176',
  'BIC : BNPAFRPPXXX',
  'CCBPFRPPVER',
  'Carte 4970 1012 3456 7890',
  '4970-1012-3456-7890',
  // phones
  '06 12 34 56 78',
  '0612345678',
  '06.12.34.56.78',
  '07-98-76-54-32',
  '+33 6 12 34 56 78',
  '+33612345678',
  '0033 7 98 76 54 32',
  '+33 (0)6 12 34 56 78',
  'Tél. : 01 23 45 67 89',
  // e-mails
  'jeanne.martin@example.fr',
  'Courriel : j.martin+caf@laposte.net',
  'Envoyé à jeanne_martin75@gmail.com',
  'contact: m.dupont@orange.fr',
  // dates
  '02/04/2015',
  'Né le 02/04/2015',
  'né le 2 avril 2015',
  'Née le 14 juillet 1988',
  '2015-04-02',
  '12.03.1990',
  'le 1er janvier 2020',
  'Date de naissance : 3 mars 1975',
  'Lucas, né en 2015',
  '2 avr. 2015',
  // addresses
  '12 rue des Lilas',
  '12 rue des Lilas 75011 Paris',
  '3 bis, avenue Jean Jaurès',
  '45 boulevard Voltaire',
  'Modifier l’adresse 12 rue des Lilas 75011 Paris',
  'rue des Lilas',
  'Résidence Les Tilleuls',
  '75011 PARIS',
  '69003 Lyon',
  'BP 123 Cedex',
  'Chemin de la Source',
  // amounts
  '1 234,56 €',
  'Montant versé : 245,80 €',
  '€ 45',
  '120 euros',
  'Solde : 1 032 EUR',
  '85 €',
  // names after a civility or a greeting, upper-case surnames
  'Bonjour Jeanne',
  'Bonjour Jeanne MARTIN',
  'Bienvenue Lucas',
  'Bonjour, Jeanne',
  'Bonsoir Madame Martin',
  'M. MARTIN',
  'Mme Jeanne Martin',
  'Madame DUPONT',
  'Monsieur Jean-Pierre Durand',
  'Mlle Chloé',
  'Lucas MARTIN',
  'MARTIN Jeanne',
  'Lucas MARTIN, né le 02/04/2015',
  'Emma DUPONT-MORETTI',
  'Connecté en tant que jmartin',
];

/** Interface texts of French public sites. Each must survive. */
const INTERFACE: string[] = [
  'Valider',
  'Étape 2 sur 3',
  'Code postal',
  'Article 3',
  'Mention CNIL',
  'Je n’ai pas de numéro fiscal',
  "Je n'ai pas de numéro fiscal",
  'Déclarer mes ressources trimestrielles',
  'Année 2025',
  'Revenus 2024',
  'Campagne 2024-2025',
  'Se connecter',
  'Se connecter avec FranceConnect',
  'Mot de passe oublié ?',
  'Numéro fiscal',
  'Numéro de sécurité sociale',
  'Date de naissance',
  'Adresse électronique',
  'Adresse postale',
  'Numéro et libellé de la voie',
  'Rue',
  'Ville ou commune',
  'Pays de naissance',
  'Nom de famille',
  'Prénom',
  'Civilité',
  'Madame',
  'Monsieur',
  'Madame, Monsieur,',
  'Bienvenue sur votre espace',
  'Bonjour',
  'Mon espace',
  'Mes paiements',
  'Attestation de paiement CAF',
  'Télécharger mon attestation de droits',
  'Mon compte ameli',
  'M’actualiser',
  'Actualisation de mars 2025',
  'Déclaration de revenus 2025 sur les revenus 2024',
  'Formulaire 2042',
  'Étape 1 : identité',
  'Étape 3 sur 4 : adresse',
  'Modifier l’adresse',
  'Modifier',
  'Précédent',
  'Suivant',
  'Enregistrer et continuer',
  'J’accepte les conditions générales d’utilisation',
  'Format attendu : JJ/MM/AAAA',
  'Données personnelles et cookies',
  'Accessibilité : partiellement conforme',
  'Enfant concerné',
  'Vos enfants à charge',
  'Choisissez un enfant',
  'Montant en euros',
  'Coordonnées bancaires (RIB)',
  'Votre IBAN',
  'Fermer',
  'Page 2',
  'Version 1.14.4',
  'DSFR',
  'Retour à l’accueil',
  'Plan du site',
  'Connexion à France Travail',
  'Le site officiel de l’administration française',
];

describe('personal-data shapes', () => {
  it('has a corpus of at least 60 personal texts and 40 interface texts', () => {
    expect(PERSONAL.length).toBeGreaterThanOrEqual(60);
    expect(INTERFACE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PERSONAL)('catches « %s »', (text) => {
    expect(looksPersonal(text), personalShape(text)).toBe(true);
  });

  it.each(INTERFACE)('lets « %s » through', (text) => {
    expect(personalShape(text)).toBeUndefined();
  });

  it('names the shape it found', () => {
    expect(personalShape('jeanne.martin@example.fr')).toBe('email');
    expect(personalShape('Né le 02/04/2015')).toBe('birth');
    expect(personalShape('FR76 3000 6000 0112 3456 7890 189')).toBe('iban');
    expect(personalShape('Bonjour Jeanne')).toBe('greeting');
    expect(personalShape('M. MARTIN')).toBe('civility');
    expect(personalShape('85 €')).toBe('money');
  });
});

describe('interfacePart', () => {
  it('keeps what comes before the personal part, without a dangling small word', () => {
    expect(interfacePart('Modifier l’adresse 12 rue des Lilas 75011 Paris')).toBe('Modifier l’adresse');
    expect(interfacePart('Télécharger l’attestation de Jeanne MARTIN')).toBe('Télécharger l’attestation');
    expect(interfacePart('Dossier n° 2850375123456')).toBe('Dossier');
  });

  it('gives nothing when no interface word is left', () => {
    expect(interfacePart('Bonjour Jeanne')).toBeUndefined();
    expect(interfacePart('M. MARTIN')).toBeUndefined();
    expect(interfacePart('06 12 34 56 78')).toBeUndefined();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { isSensitiveField, isTypedField, sensitiveText } from '../../../utils/authoring/sensitive';
import type { TargetDescription } from '../../../utils/locate/target';
import { useLocale } from '../i18n/locale';

beforeEach(() => useLocale('fr'));

const field = (more: Partial<TargetDescription>): TargetDescription => ({ tag: 'input', type: 'text', ...more });

describe('isSensitiveField: flagged', () => {
  const flagged: [string, TargetDescription, string][] = [
    ['type=password', { tag: 'input', type: 'password', label: 'Code' }, 'password'],
    ['type=password whatever the label', { tag: 'input', type: 'password', label: 'Votre nom' }, 'password'],
    ['autocomplete current-password', field({ autocomplete: 'current-password' }), 'password'],
    ['autocomplete new-password', field({ autocomplete: 'section-a new-password' }), 'password'],
    ['autocomplete one-time-code', field({ autocomplete: 'one-time-code' }), 'one-time-code'],
    ['autocomplete cc-number', field({ autocomplete: 'billing cc-number' }), 'card'],
    ['autocomplete cc-csc', field({ autocomplete: 'cc-csc' }), 'card'],
    ['autocomplete iban', field({ autocomplete: 'iban' }), 'bank'],
    ['label « Numéro fiscal »', field({ label: 'Numéro fiscal' }), 'tax'],
    ['label in capitals without accents', field({ label: 'NUMERO FISCAL' }), 'tax'],
    ['label « N° fiscal »', field({ label: 'N° fiscal' }), 'tax'],
    ['name attribute spi', field({ nameAttr: 'spi' }), 'tax'],
    ['camelCase name attribute', field({ nameAttr: 'numeroFiscal' }), 'tax'],
    ['snake_case id', field({ id: 'numero_fiscal_1234', idGenerated: true }), 'tax'],
    ['numéro d’accès en ligne', field({ label: 'Numéro d’accès en ligne' }), 'tax'],
    ['revenu fiscal de référence', field({ label: 'Revenu fiscal de référence' }), 'tax'],
    ['identifiant fiscal', field({ placeholder: 'Votre identifiant fiscal' }), 'tax'],
    ['NIR', field({ label: 'NIR' }), 'social-security'],
    ['numéro de sécurité sociale', field({ label: 'Numéro de sécurité sociale' }), 'social-security'],
    ['numéro de carte Vitale', field({ label: 'Numéro de votre carte Vitale' }), 'social-security'],
    ['IBAN', field({ label: 'IBAN' }), 'bank'],
    ['BIC', field({ name: 'BIC' }), 'bank'],
    ['RIB key', field({ label: 'Clé RIB' }), 'bank'],
    ['coordonnées bancaires', field({ label: 'Coordonnées bancaires' }), 'bank'],
    ['card number', field({ label: 'Numéro de carte bancaire' }), 'card'],
    ['cryptogramme', field({ label: 'Cryptogramme visuel' }), 'card'],
    ['code de sécurité', field({ label: 'Code de sécurité (3 chiffres)' }), 'card'],
    ['code de confirmation', field({ label: 'Code de confirmation' }), 'one-time-code'],
    ['code reçu par SMS', field({ label: 'Code reçu par SMS' }), 'one-time-code'],
    ['mot de passe in a textbox role', { tag: 'div', role: 'textbox', name: 'Mot de passe' }, 'password'],
    ['mot de passe in a textarea', { tag: 'textarea', label: 'Mot de passe' }, 'password'],
  ];
  it.each(flagged)('%s', (_, facts, reason) => {
    const verdict = isSensitiveField(facts);
    expect(verdict.sensitive).toBe(true);
    if (verdict.sensitive) {
      expect(verdict.reason).toBe(reason);
      expect(sensitiveText(verdict)).toMatch(/^Ce champ demande .+ ; rien n'est gardé\.$/);
    }
  });

  it('says why in the interface language', async () => {
    await useLocale('en');
    const verdict = isSensitiveField(field({ label: 'Mot de passe' }));
    expect(verdict.sensitive && sensitiveText(verdict)).toBe(
      'This field asks for a password (label “Mot de passe”). The person types it alone; nothing is kept.',
    );
  });

  it('uses raw attributes the description lacks', () => {
    expect(isSensitiveField({ tag: 'input' }, { type: 'password' }).sensitive).toBe(true);
    expect(isSensitiveField({ tag: 'input' }, { autocomplete: 'one-time-code' }).sensitive).toBe(true);
    expect(isSensitiveField({ tag: 'input' }, { name: 'iban' }).sensitive).toBe(true);
    expect(isSensitiveField({ tag: 'input' }, { title: 'Saisissez votre NIR' }).sensitive).toBe(true);
    expect(isSensitiveField({ tag: 'input' }, { 'aria-label': 'Numéro de carte' })).toMatchObject({ reason: 'card', fact: 'aria-label' });
    expect(isSensitiveField({ tag: 'input' }, { 'data-x': null, title: '' }).sensitive).toBe(false);
  });

  it('says which fact told', () => {
    const verdict = isSensitiveField(field({ label: 'Adresse', nameAttr: 'iban' }));
    expect(verdict).toMatchObject({ sensitive: true, reason: 'bank', fact: 'nameAttr' });
  });
});

describe('isSensitiveField: not flagged', () => {
  const notFlagged: [string, TargetDescription][] = [
    ['a link « Mot de passe oublié ? »', { tag: 'a', role: 'link', name: 'Mot de passe oublié ?' }],
    ['a button « Afficher le mot de passe »', { tag: 'button', name: 'Afficher le mot de passe' }],
    ['a checkbox about the numéro fiscal', { tag: 'input', type: 'checkbox', label: 'Je n’ai pas de numéro fiscal' }],
    ['a radio « Carte bancaire »', { tag: 'input', type: 'radio', label: 'Carte bancaire' }],
    ['a select of card types', { tag: 'select', label: 'Type de carte bancaire' }],
    ['a file input for the RIB', { tag: 'input', type: 'file', label: 'RIB' }],
    ['the login identifier', field({ label: 'Identifiant', autocomplete: 'username' })],
    ['an e-mail', field({ type: 'email', label: 'Adresse électronique', autocomplete: 'email' })],
    ['a family name', field({ label: 'Nom', nameAttr: 'nom' })],
    ['« Venir » contains nir but not as a word', field({ label: 'Date de venue à venir' })],
    ['a postal code', field({ label: 'Code postal', autocomplete: 'postal-code' })],
    ['a town', field({ label: 'Commune de naissance' })],
    ['a phone number', field({ type: 'tel', label: 'Numéro de téléphone', autocomplete: 'tel' })],
    ['« Ribeauvillé » contains rib but not as a word', field({ label: 'Ville (ex. Ribeauvillé)' })],
    ['« Passeport » is not a password', field({ label: 'Numéro de passeport' })],
    ['autocomplete off', field({ label: 'Prénom', autocomplete: 'off' })],
  ];
  it.each(notFlagged)('%s', (_, facts) => {
    expect(isSensitiveField(facts)).toEqual({ sensitive: false });
  });
});

describe('isTypedField', () => {
  it.each([
    [{ tag: 'input' }, true],
    [{ tag: 'input', type: 'email' }, true],
    [{ tag: 'input', type: 'checkbox' }, false],
    [{ tag: 'input', type: 'submit' }, false],
    [{ tag: 'textarea' }, true],
    [{ tag: 'select', role: 'combobox' }, false],
    [{ tag: 'div', role: 'textbox' }, true],
    [{ tag: 'button' }, false],
  ] as [TargetDescription, boolean][])('%o → %s', (facts, expected) => {
    expect(isTypedField(facts)).toBe(expected);
  });
});

/**
 * Each rule of the plain-language assistant on its own, on a text read once by
 * `readText`: what it flags, and that it leaves the other rules' business alone.
 */
import { describe, expect, it } from 'vitest';
import {
  acronym,
  checkText,
  impersonalPhrase,
  infinitiveInstruction,
  jargon,
  longSentence,
  passiveVoice,
  RULES,
  readText,
  severalInstructions,
} from '../../../utils/authoring/plain-language';

/** What a rule flags, as the text's own words. */
const flagged = (rule: (typeof RULES)[number], text: string, options = {}) =>
  rule(readText(text, options)).map((advice) => [advice.rule, text.slice(advice.start, advice.end)]);

describe('readText', () => {
  it('cuts the text once: sentences with their words, quotes, and jargon found', () => {
    const read = readText('Cliquez sur « Valider ». Avez-vous un justificatif de domicile ?');
    expect(read.sentences.map((s) => read.text.slice(s.start, s.end))).toEqual([
      'Cliquez sur « Valider ».',
      'Avez-vous un justificatif de domicile ?',
    ]);
    expect(read.sentences.map((s) => s.question)).toEqual([false, true]);
    expect(read.sentences[0]?.tokens.map((t) => t.text)).toEqual(['Cliquez', 'sur', 'Valider']);
    expect(read.inQuote(read.text.indexOf('Valider'))).toBe(true);
    expect(read.inQuote(read.text.indexOf('Cliquez'))).toBe(false);
    expect(read.jargonFound.map((m) => read.text.slice(m.start, m.end))).toEqual(['justificatif de domicile']);
    expect(read.maxWords).toBe(15);
    expect(read.infinitives).toBe(true);
  });
});

describe('the rules', () => {
  it('longSentence flags a sentence over maxWords, whole', () => {
    const text = 'Cliquez ici. Un deux trois quatre cinq six.';
    expect(flagged(longSentence, text, { maxWords: 5 })).toEqual([['long-sentence', 'Un deux trois quatre cinq six.']]);
    expect(flagged(longSentence, text)).toEqual([]);
  });

  it('severalInstructions flags a sentence with two imperatives, not a quoted one', () => {
    expect(flagged(severalInstructions, 'Cliquez sur le lien et saisissez votre nom.')).toEqual([
      ['several-instructions', 'Cliquez sur le lien et saisissez votre nom.'],
    ]);
    expect(flagged(severalInstructions, 'Cliquez sur « Validez ».')).toEqual([]);
  });

  it('infinitiveInstruction flags an instruction in the infinitive, with the « vous » form, unless infinitives are off', () => {
    const text = 'Cliquer sur le bouton.';
    const [advice] = infinitiveInstruction(readText(text));
    expect(advice).toMatchObject({ rule: 'impersonal', suggestion: 'Cliquez' });
    expect(text.slice(advice?.start, advice?.end)).toBe('Cliquer');
    expect(flagged(infinitiveInstruction, text, { infinitives: false })).toEqual([]);
    expect(flagged(infinitiveInstruction, 'Il faut cliquer sur le bouton.')).toEqual([]);
  });

  it('impersonalPhrase flags « il faut » and « on doit », not an infinitive', () => {
    expect(flagged(impersonalPhrase, 'Il faut cliquer. On doit signer.')).toEqual([
      ['impersonal', 'Il faut'],
      ['impersonal', 'On doit'],
    ]);
    expect(flagged(impersonalPhrase, 'Cliquer sur le bouton.')).toEqual([]);
  });

  it('passiveVoice flags être + participle, not a state with « vous êtes »', () => {
    expect(flagged(passiveVoice, 'Le courrier a été envoyé hier.')).toEqual([['passive', 'a été envoyé']]);
    expect(flagged(passiveVoice, 'Vous êtes connecté.')).toEqual([]);
  });

  it('jargon flags a term once, unless it is explained right after', () => {
    expect(flagged(jargon, 'Joignez un justificatif de domicile. Le justificatif de domicile est demandé.')).toEqual([
      ['jargon', 'justificatif de domicile'],
    ]);
    expect(flagged(jargon, 'Joignez un justificatif de domicile (une facture à votre nom).')).toEqual([]);
  });

  it('acronym flags capitals not explained, not once their full form is in the text', () => {
    expect(flagged(acronym, 'Écrivez votre RFR.')).toEqual([['acronym', 'RFR']]);
    expect(flagged(acronym, 'Appelez la Caisse d’allocations familiales (CAF).')).toEqual([]);
  });

  it('checkText lists advice by place, and at the same place in the order of RULES', () => {
    const text = 'Il faut cliquer. Remplir le formulaire du RFR.';
    const advice = checkText(text, { lang: 'fr', maxWords: 3 });
    expect(advice.map((a) => [a.rule, text.slice(a.start, a.end)])).toEqual([
      ['impersonal', 'Il faut'],
      ['long-sentence', 'Remplir le formulaire du RFR.'],
      ['impersonal', 'Remplir'],
      ['acronym', 'RFR'],
    ]);
    const read = readText(text, { lang: 'fr', maxWords: 3 });
    expect(advice).toEqual(RULES.flatMap((rule) => rule(read)).sort((a, b) => a.start - b.start));
  });
});

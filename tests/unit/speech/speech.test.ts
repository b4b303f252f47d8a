import { afterEach, describe, expect, it } from 'vitest';
import type { GuideItem } from '../../../utils/guide/schema';
import {
  canSpeak,
  isSpeaking,
  onlyNetworkVoices,
  onSpeaking,
  onVoicesChanged,
  pickVoice,
  RATE,
  speak,
  speaking,
  stop,
} from '../../../utils/speech';
import { spokenText } from '../../../utils/speech/text';
import { installFakeSpeech, removeFakeSpeech, voice } from './fake-speech';

afterEach(() => removeFakeSpeech());

describe('without the Web Speech API', () => {
  it('says it cannot read, and reads nothing', () => {
    expect('speechSynthesis' in globalThis).toBe(false);
    expect(canSpeak()).toBe(false);
    expect(speak('Cliquez sur « Valider ».', 'fr')).toBe(false);
    expect(isSpeaking()).toBe(false);
  });
});

describe('speak', () => {
  it('reads the text given, in French with a French voice, a little slower than normal', () => {
    const fake = installFakeSpeech([voice('en-US'), voice('fr-CA'), voice('fr-FR', false), voice('fr-FR')]);
    expect(canSpeak()).toBe(true);
    expect(speak('  Tapez votre adresse e-mail.  ', 'fr')).toBe(true);
    expect(fake.said).toHaveLength(1);
    const [u] = fake.said;
    expect(u?.text).toBe('Tapez votre adresse e-mail.');
    expect(u?.lang).toBe('fr-FR');
    // The local fr-FR voice, before fr-CA; the network one is never a candidate.
    expect(u?.voice).toBe(fake.voices[3]);
    expect(u?.rate).toBe(RATE);
    expect(RATE).toBeLessThan(1);
  });

  it('reads nothing while the browser has not listed its voices: it would choose one itself, maybe a network one', () => {
    const fake = installFakeSpeech([]);
    expect(canSpeak('fr')).toBe(false);
    expect(speak('Cliquez sur « Se connecter ».', 'fr')).toBe(false);
    expect(fake.said).toEqual([]);
  });

  it('reads nothing for an empty text', () => {
    const fake = installFakeSpeech();
    expect(speak('   ', 'fr')).toBe(false);
    expect(fake.said).toEqual([]);
  });

  it('stops what was being read before reading the next text', async () => {
    const fake = installFakeSpeech();
    speak('Première étape.', 'fr');
    speak('Deuxième étape.', 'fr');
    expect(fake.cancel).toHaveBeenCalledTimes(2);
    // The first one's late "interrupted" event does not end the second reading.
    await fake.flush();
    expect(speaking()).toBe('Deuxième étape.');
    fake.finish();
    expect(speaking()).toBeNull();
  });
});

describe('reading state', () => {
  it('tells who listens what is being read, until it ends', () => {
    const fake = installFakeSpeech();
    const heard: (string | null)[] = [];
    const off = onSpeaking((text) => heard.push(text));
    speak('Tapez votre mot de passe.', 'fr');
    expect(isSpeaking()).toBe(true);
    fake.finish();
    expect(isSpeaking()).toBe(false);
    off();
    speak('Encore.', 'fr');
    expect(heard).toEqual(['Tapez votre mot de passe.', null]);
  });

  it('stop() cancels the reading', async () => {
    const fake = installFakeSpeech();
    speak('Tapez votre mot de passe.', 'fr');
    fake.cancel.mockClear();
    stop();
    expect(fake.cancel).toHaveBeenCalledTimes(1);
    expect(isSpeaking()).toBe(false);
    await fake.flush();
    expect(isSpeaking()).toBe(false);
  });

  it('stop() leaves the page alone when we are not reading', () => {
    const fake = installFakeSpeech();
    stop();
    expect(fake.cancel).not.toHaveBeenCalled();
  });
});

describe('pickVoice: voices of this machine only', () => {
  const voices = [voice('en-US'), voice('en-GB', false), voice('fr-CA'), voice('fr_FR', false), voice('de-DE')];

  it('prefers the language with its main region, then any local voice of the language', () => {
    expect(pickVoice([voice('fr_FR'), voice('fr-CA')], 'fr')?.lang).toBe('fr_FR');
    expect(pickVoice(voices, 'fr')?.lang).toBe('fr-CA');
    expect(pickVoice(voices, 'fr-CA')?.lang).toBe('fr-CA');
    expect(pickVoice([voice('fr-BE'), voice('fr-CH')], 'fr')?.lang).toBe('fr-BE');
    expect(pickVoice(voices, 'en')?.lang).toBe('en-US');
    expect(pickVoice(voices, 'it')).toBeUndefined();
    expect(pickVoice([], 'fr')).toBeUndefined();
  });

  it('never chooses a network voice, even the exact language and region', () => {
    const google = voice('fr-FR', false, 'Google français');
    expect(pickVoice([google], 'fr')).toBeUndefined();
    expect(pickVoice([google, voice('fr-CA')], 'fr')?.name).toBe('fr-CA');
    // A voice that does not say it is local counts as a network one.
    expect(pickVoice([{ ...voice('fr-FR'), localService: undefined } as unknown as SpeechSynthesisVoice], 'fr')).toBeUndefined();
  });

  it('with only « Google français »: cannot read, reads nothing, and says so', () => {
    const fake = installFakeSpeech([voice('fr-FR', false, 'Google français'), voice('en-US', false, 'Google US English')]);
    expect(canSpeak()).toBe(false);
    expect(canSpeak('fr')).toBe(false);
    expect(onlyNetworkVoices()).toBe(true);
    expect(speak('Votre numéro fiscal est sur votre avis d’impôt.', 'fr')).toBe(false);
    expect(fake.said).toEqual([]);
    expect(fake.cancel).not.toHaveBeenCalled();
  });

  it('follows the voices the browser lists late', () => {
    const fake = installFakeSpeech([]);
    const seen: boolean[] = [];
    const off = onVoicesChanged(() => seen.push(canSpeak('fr')));
    fake.setVoices([voice('fr-FR', false)]);
    fake.setVoices([voice('fr-FR', false), voice('fr-FR')]);
    off();
    fake.setVoices([]);
    expect(seen).toEqual([false, true]);
  });
});

describe('spokenText: the guide’s own words only', () => {
  it('reads a step’s instruction, a question with its answers, the end message', () => {
    const step = {
      kind: 'step',
      id: 'a',
      action: 'click',
      instruction: 'Cliquez sur « Valider ».',
      sensitive: false,
      why: 'Pour envoyer.',
    };
    expect(spokenText(step as GuideItem)).toBe('Cliquez sur « Valider ».');
    const question = {
      kind: 'question',
      id: 'q',
      question: 'Avez-vous déjà un compte ?',
      choices: [
        { label: 'Oui', next: 'a' },
        { label: 'Non, pas encore', next: 'b' },
      ],
    };
    expect(spokenText(question as GuideItem)).toBe('Avez-vous déjà un compte ? Oui. Non, pas encore.');
    expect(spokenText({ kind: 'end', id: 'fin', message: 'Votre compte est créé.' })).toBe('Votre compte est créé.');
    expect(spokenText({ kind: 'end', id: 'fin' })).toBe('');
  });

  it('hands the guide text to the speech call, nothing from the page', () => {
    const fake = installFakeSpeech();
    document.body.innerHTML = '<p>Numéro fiscal : 1234567890123</p><input value="secret">';
    const step = { kind: 'step', id: 'a', action: 'fill', instruction: 'Tapez votre numéro fiscal.', sensitive: true } as GuideItem;
    speak(spokenText(step), 'fr');
    expect(fake.said.map((u) => u.text)).toEqual(['Tapez votre numéro fiscal.']);
    expect(fake.said.some((u) => u.text.includes('1234567890123') || u.text.includes('secret'))).toBe(false);
  });
});

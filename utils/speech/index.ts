/**
 * Reading aloud with the browser's own speech synthesis (Web Speech API):
 * nothing is sent anywhere by us. Only what the caller passes is read — the
 * guide's texts —, never the page, and only with a voice of this machine.
 * Where the API or a local voice is missing, `canSpeak()` is false and the
 * views show no read button. Small: it goes into the content script.
 */

/** A little slower than normal: easier to follow for people who read with difficulty. */
export const RATE = 0.9;

/** The voice region preferred for a bare language code: `fr` → `fr-FR`. */
const REGION: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };
const fullTag = (lang: string) => (lang.includes('-') ? lang : (REGION[lang] ?? lang));
const baseOf = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

const synth = () => (typeof speechSynthesis === 'object' && typeof SpeechSynthesisUtterance === 'function' ? speechSynthesis : undefined);

/**
 * The voices that read on this machine. A network voice (`localService: false`,
 * Chromium's « Google français ») sends the text to a server: the guide's text
 * would leave the computer, so such a voice is never used, even as a fallback.
 */
export const localVoices = (voices: readonly SpeechSynthesisVoice[]): SpeechSynthesisVoice[] =>
  voices.filter((v) => v.localService === true);

/**
 * Whether this browser can read aloud on this machine: the API is there and a
 * local voice speaks `lang` (any local voice when no language is given).
 * Chromium lists its voices late: views follow `onVoicesChanged`.
 */
export function canSpeak(lang?: string): boolean {
  const s = synth();
  if (!s) return false;
  const voices = localVoices(s.getVoices());
  return lang === undefined ? voices.length > 0 : pickVoice(voices, lang) !== undefined;
}

/** Whether the API exists but no voice of this machine can read: the views say so. */
export const onlyNetworkVoices = (): boolean => !!synth() && !canSpeak();

/** Calls `listener` when the browser's list of voices changes; returns the unsubscribe function. */
export function onVoicesChanged(listener: () => void): () => void {
  const s = synth();
  if (!s || typeof s.addEventListener !== 'function') return () => {};
  s.addEventListener('voiceschanged', listener);
  return () => s.removeEventListener('voiceschanged', listener);
}

/**
 * The best local voice for `lang`: the exact language and region (fr-FR for
 * `fr`), else any voice of the language. None: undefined — and then nothing is read.
 */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const exact = fullTag(lang).toLowerCase();
  const rank = (v: SpeechSynthesisVoice) =>
    v.lang.toLowerCase().replace('_', '-') === exact ? 0 : baseOf(v.lang) === baseOf(exact) ? 1 : 9;
  return localVoices(voices)
    .filter((v) => rank(v) < 9)
    .sort((a, b) => rank(a) - rank(b))[0];
}

let utterance: SpeechSynthesisUtterance | null = null;
let reading: string | null = null;
const listeners = new Set<(text: string | null) => void>();

function set(text: string | null) {
  reading = text;
  for (const listener of listeners) listener(text);
}

/**
 * Reads `text` in the language `lang` (a guide's `lang`, e.g. `fr`), after
 * stopping anything being read. Says whether it could.
 */
export function speak(text: string, lang: string): boolean {
  const s = synth();
  const said = text.trim();
  if (!s || !said) return false;
  // Only a voice of this machine, chosen by us: left to choose, the browser may take a network voice.
  const voice = pickVoice(s.getVoices(), lang);
  if (!voice) return false;
  s.cancel();
  const u = new SpeechSynthesisUtterance(said);
  u.voice = voice;
  u.lang = voice.lang;
  u.rate = RATE;
  u.onend = u.onerror = () => {
    if (utterance === u) {
      utterance = null;
      set(null);
    }
  };
  utterance = u;
  s.speak(u);
  set(said);
  return true;
}

/** Stops reading (nothing to do when nothing is being read: the page's own speech is left alone). */
export function stop(): void {
  if (reading === null) return;
  utterance = null;
  synth()?.cancel();
  set(null);
}

/** The text being read now, or null. */
export const speaking = (): string | null => reading;

export const isSpeaking = (): boolean => reading !== null;

/** Calls `listener` with the text being read (null when reading stops); returns the unsubscribe function. */
export function onSpeaking(listener: (text: string | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

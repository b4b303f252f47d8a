/**
 * Reading aloud with the browser's own speech synthesis (Web Speech API):
 * nothing is sent anywhere by us. Only what the caller passes is read — the
 * guide's texts —, never the page. Where the API is missing, `canSpeak()` is
 * false and the views show no read button. Small: it goes into the content script.
 */

/** A little slower than normal: easier to follow for people who read with difficulty. */
export const RATE = 0.9;

/** The voice region preferred for a bare language code: `fr` → `fr-FR`. */
const REGION: Record<string, string> = { fr: 'fr-FR', en: 'en-GB' };
const fullTag = (lang: string) => (lang.includes('-') ? lang : (REGION[lang] ?? lang));
const baseOf = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

const synth = () => (typeof speechSynthesis === 'object' && typeof SpeechSynthesisUtterance === 'function' ? speechSynthesis : undefined);

/** Whether this browser can read aloud. */
export const canSpeak = (): boolean => !!synth();

/**
 * The best voice for `lang`: the exact language and region (fr-FR for `fr`),
 * else any voice of the language; a local voice before a remote one. None: undefined.
 */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const exact = fullTag(lang).toLowerCase();
  const rank = (v: SpeechSynthesisVoice) =>
    (v.lang.toLowerCase().replace('_', '-') === exact ? 0 : baseOf(v.lang) === baseOf(exact) ? 2 : 9) + (v.localService ? 0 : 1);
  return voices.filter((v) => rank(v) < 9).sort((a, b) => rank(a) - rank(b))[0];
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
  s.cancel();
  const u = new SpeechSynthesisUtterance(said);
  const voice = pickVoice(s.getVoices(), lang);
  if (voice) u.voice = voice;
  // Without a voice list yet (Chrome loads it late), the language lets the browser choose.
  u.lang = voice?.lang ?? fullTag(lang);
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

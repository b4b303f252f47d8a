/**
 * A stand-in for the Web Speech API that records what it is asked to say,
 * and behaves like browsers: `cancel()` ends the utterance being read with an
 * "interrupted" error, later; `finish()` ends it normally.
 */
import { vi } from 'vitest';
import { stop } from '../../../utils/speech';

export class FakeUtterance {
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  rate = 1;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

export const voice = (lang: string, localService = true, name = `${lang}${localService ? '' : ' (réseau)'}`) =>
  ({ lang, localService, name, default: false, voiceURI: name }) as SpeechSynthesisVoice;

export interface FakeSpeech {
  /** Every utterance given to `speak`, in order. */
  said: FakeUtterance[];
  cancel: ReturnType<typeof vi.fn>;
  voices: SpeechSynthesisVoice[];
  /** The utterance being read ends normally. */
  finish(): void;
  /** Lets the late events of cancelled utterances arrive. */
  flush(): Promise<void>;
  /** The browser lists other voices (`voiceschanged`). */
  setVoices(voices: SpeechSynthesisVoice[]): void;
}

export function installFakeSpeech(voices: SpeechSynthesisVoice[] = [voice('en-US'), voice('fr-CA'), voice('fr-FR')]): FakeSpeech {
  let current: FakeUtterance | null = null;
  const pending: Promise<void>[] = [];
  const changed = new Set<() => void>();
  const fake: FakeSpeech = {
    said: [],
    voices,
    cancel: vi.fn(() => {
      const u = current;
      current = null;
      if (u) pending.push(Promise.resolve().then(() => u.onerror?.()));
    }),
    finish() {
      const u = current;
      current = null;
      u?.onend?.();
    },
    async flush() {
      await Promise.all(pending.splice(0));
    },
    setVoices(voices) {
      fake.voices = voices;
      for (const listener of changed) listener();
    },
  };
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  vi.stubGlobal('speechSynthesis', {
    getVoices: () => fake.voices,
    speak: (u: FakeUtterance) => {
      fake.said.push(u);
      current = u;
    },
    cancel: fake.cancel,
    addEventListener: (type: string, listener: () => void) => type === 'voiceschanged' && changed.add(listener),
    removeEventListener: (type: string, listener: () => void) => type === 'voiceschanged' && changed.delete(listener),
  });
  return fake;
}

/** Stops any reading left by a test, then removes the fake. */
export function removeFakeSpeech(): void {
  stop();
  vi.unstubAllGlobals();
}

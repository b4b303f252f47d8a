import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { canSpeak, onSpeaking, speak, speaking, stop } from '../../utils/speech';

/** The text being read aloud now, followed. */
export function useSpeaking(): string | null {
  const [text, setText] = useState(speaking);
  useEffect(() => onSpeaking(setText), []);
  return text;
}

interface ReadButtonProps {
  /** The guide's text to read — never the page's. */
  text: string;
  /** The guide's language (`fr`: a French voice). */
  lang: string;
  class?: string;
}

/**
 * « Lire » / « Arrêter la lecture »: reads a guide text aloud, or stops.
 * Not shown where the browser cannot read aloud.
 */
export function ReadButton({ text, lang, class: className }: ReadButtonProps) {
  const reading = useSpeaking() === text.trim() && !!text.trim();
  if (!canSpeak() || !text.trim()) return null;
  return (
    <button
      type="button"
      class={className ? `read ${className}` : 'read'}
      aria-pressed={reading}
      onClick={() => (reading ? stop() : speak(text, lang))}
    >
      {reading ? i18n.t('speech.stop') : i18n.t('speech.read')}
    </button>
  );
}

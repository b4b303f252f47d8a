import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { canSpeak, onSpeaking, onVoicesChanged, speak, speaking, stop } from '../../utils/speech';

/** The text being read aloud now, followed. */
export function useSpeaking(): string | null {
  const [text, setText] = useState(speaking);
  useEffect(() => onSpeaking(setText), []);
  return text;
}

/** Whether a voice of this machine can read `lang` (any language when omitted), following the voices the browser lists late. */
export function useCanSpeak(lang?: string): boolean {
  const [can, setCan] = useState(() => canSpeak(lang));
  useEffect(() => {
    setCan(canSpeak(lang));
    return onVoicesChanged(() => setCan(canSpeak(lang)));
  }, [lang]);
  return can;
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
 * Not shown where the browser cannot read aloud with a voice of this machine
 * (a network voice would send the text away).
 */
export function ReadButton({ text, lang, class: className }: ReadButtonProps) {
  const reading = useSpeaking() === text.trim() && !!text.trim();
  const can = useCanSpeak(lang);
  if (!can || !text.trim()) return null;
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

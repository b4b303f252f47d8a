import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { DEFAULT_SETTINGS, textScaleFor } from '../../utils/settings/settings';
import { BUBBLE_SHORTCUT } from '../../utils/settings/shortcuts';
import { speak, stop } from '../../utils/speech';
import { spokenText } from '../../utils/speech/text';
import { Bubble, missingText, progressText, sensitiveText, TEXT_ID, TITLE_ID } from './Bubble';
import { follow, viewportBox, viewportSize } from './follow';
import { hole, inView, place, RADIUS, type Spotlight, spotlight } from './geometry';
import { keepOnTop } from './topLayer';
import type { OverlayProps } from './types';

/** Alt+Shift+K moves the focus into the bubble (DSFR pages use no Alt shortcut). */
export const SHORTCUT = BUBBLE_SHORTCUT;
const isShortcut = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyK';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
/**
 * Brings a target into view by moving the viewport only (README, « ce que l'extension fait à la page »):
 * never a page's own scrollable box, which a page could read as the person's reading (« lisez
 * jusqu'au bout pour accepter »). A target hidden inside such a box stays where it is.
 */
/** Firefox does not carry out a smooth scroll asked by an extension's script (it stays where it is): instant there. */
const SMOOTH: ScrollBehavior = import.meta.env.FIREFOX ? 'instant' : 'smooth';

function scrollTo(el: Element, calm: boolean) {
  const box = el.getBoundingClientRect();
  const top = box.top + box.height / 2 - innerHeight / 2;
  const left = box.left < 0 ? box.left : box.right > innerWidth ? Math.min(box.left, box.right - innerWidth) : 0;
  window.scrollBy({ top, left, behavior: calm || reducedMotion() ? 'instant' : SMOOTH });
}

/** Moves an element by a transform only: on its own compositor layer (`will-change: transform`), nothing is repainted. */
const moveTo = (el: HTMLElement | SVGElement, x: number, y: number) => {
  el.style.transform = `translate(${x}px, ${y}px)`;
};

/** Gives the focus to `el` if it can take it; says whether it did. */
function tryFocus(el: Element | null | undefined): boolean {
  if (!el?.isConnected) return false;
  (el as HTMLElement).focus?.({ preventScroll: true });
  return (el.getRootNode() as Document | ShadowRoot).activeElement === el;
}

const CONTROL =
  'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]';

/**
 * Where the keyboard lands in a target that cannot take the focus itself (a
 * group of radios or boxes): its checked radio, else its first control — as Tab would.
 */
const controlIn = (el: Element | null): Element | null =>
  el?.querySelector('input[type=radio]:checked') ?? el?.querySelector(CONTROL) ?? null;

/**
 * The playback overlay: a spotlight on the current step's target (the page dimmed
 * around it, never blocking it) and a bubble that says what to do. Nothing here
 * acts on the page: it only reads where the target is, and may scroll it into view.
 */
export function Overlay({ view: given, target, nextTarget = null, onEvent, onSearchAgain, settings = DEFAULT_SETTINGS }: OverlayProps) {
  // The run's view says whether the page shows anything now (utils/run/view.ts): below "guided", not until help is asked.
  const view = given?.spotlight ? given : null;
  const item = view?.item;
  const key = view ? `${view.guide.id}/${view.item.id}` : '';
  // What the spotlight rings: the step's target, or, out of sight, the control that opens the closed part holding it.
  const opening = target.status === 'not-found';
  const ringed = target.status === 'found' ? target.element : opening ? target.opener : undefined;
  const element = item?.kind === 'step' ? (ringed ?? null) : null;
  const calm = settings.reduceMotion;
  /** "Je suis perdu·e" asked on this item (from the bubble or the panel). */
  const lost = !!view?.run.currentHelp.includes('lost');
  // Escape hides the bubble of this item only: the next item shows it again.
  const [hiddenAt, setHiddenAt] = useState<string | null>(null);
  const hidden = hiddenAt === key;
  const [pulse, setPulse] = useState(0);
  const layer = useRef<HTMLDivElement>(null);
  const spot = useRef<SVGSVGElement>(null);
  const dim = useRef<SVGPathElement>(null);
  const ring = useRef<SVGGElement>(null);
  const bubble = useRef<HTMLDivElement>(null);
  const showButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'bubble' | 'show' | null>(null);
  /** The page element that had the focus before it came into the bubble. */
  const pageFocus = useRef<Element | null>(null);
  /** The item whose bubble had the focus when one of its buttons was used. */
  const focusedAt = useRef<string | null>(null);

  useLayoutEffect(() => (view && layer.current ? keepOnTop(layer.current) : undefined), [!!view]);

  // First show of a target: bring it into view (scrolling is not acting on the page).
  useLayoutEffect(() => {
    if (element && !inView(viewportBox(element), viewportSize())) scrollTo(element, calm);
  }, [element]);

  // "Je suis perdu·e": the bubble comes back if it was hidden, the target into view, the ring pulses.
  useLayoutEffect(() => {
    if (!lost) return;
    setHiddenAt(null);
    if (element) {
      scrollTo(element, calm);
      setPulse((p) => p + 1);
    }
  }, [lost, key]);

  // Reading aloud: what was being read stops when the item changes; the new one is read if asked.
  useEffect(() => {
    stop();
    if (view && item && settings.autoRead) speak(spokenText(item), view.guide.lang);
  }, [key]);
  useEffect(() => stop, []);

  // One update path draws the cut-out, the ring and the bubble, synchronously on
  // mount (same frame as the target is known) and then on every move.
  useLayoutEffect(() => {
    // Without a target the bubble sits in its corner (CSS), whole: no height left from its last placement.
    if (!element) {
      bubble.current?.style.removeProperty('max-height');
      bubble.current?.style.removeProperty('transform');
      return;
    }
    // What was last written: an update that changes nothing writes nothing. While the page scrolls only the
    // translations change, applied by the compositor; the shapes are redrawn only when the hole's size changes.
    let drawn: Spotlight | null = null;
    let dimmed: SVGPathElement | null = null;
    let placed: HTMLElement | null = null;
    let at = '';
    let maxHeight = '';
    return follow(element, bubble.current, () => {
      // All reads first, then all writes: one layout per update, never a forced second one.
      const box = viewportBox(element);
      const ahead = nextTarget?.isConnected ? viewportBox(nextTarget) : null;
      const viewport = viewportSize();
      const b = bubble.current;
      // The bubble's whole height, even while a max-height makes it scroll: else
      // limiting it would change the size it is placed by, and the next update would undo it.
      const size = b && { width: b.offsetWidth, height: b.scrollHeight + b.offsetHeight - b.clientHeight };
      const next = spotlight({ width: innerWidth, height: innerHeight }, hole(box));
      const svg = spot.current;
      if (svg && (next.x !== drawn?.x || next.y !== drawn.y)) moveTo(svg, next.x, next.y);
      if (dim.current && (next.d !== drawn?.d || dim.current !== dimmed)) dim.current.setAttribute('d', next.d);
      if (next.width !== drawn?.width || next.height !== drawn.height || !drawn)
        for (const rect of ring.current?.children ?? []) {
          rect.setAttribute('width', String(next.width));
          rect.setAttribute('height', String(next.height));
        }
      drawn = next;
      dimmed = dim.current;
      if (b && size) {
        const p = place(box, size, viewport, ahead ? [ahead] : []);
        const where = `${p.x},${p.y}`;
        const limit = p.maxHeight === undefined ? '' : `${p.maxHeight}px`;
        if (where !== at || b !== placed) moveTo(b, p.x, p.y);
        if (limit !== maxHeight || b !== placed) b.style.maxHeight = limit;
        placed = b;
        at = where;
        maxHeight = limit;
      }
    });
  }, [element, nextTarget, hidden, key, pulse]);

  // Focus moves after the render that shows what should receive it. A keyboard or
  // screen reader user who answered in the bubble lands in the next item's bubble.
  useLayoutEffect(() => {
    if (focusedAt.current && focusedAt.current !== key) {
      focusedAt.current = null;
      if (view) focusNext.current = 'bubble';
    }
    const next = focusNext.current;
    focusNext.current = null;
    if (next === 'bubble') bubble.current?.focus();
    else if (next === 'show') showButton.current?.focus();
  });

  const focusBubble = () => {
    if (bubble.current) bubble.current.focus();
    else {
      focusNext.current = 'bubble';
      setHiddenAt(null);
    }
  };
  const focusRef = useRef(focusBubble);
  focusRef.current = focusBubble;

  useEffect(() => {
    if (!view) return;
    const onKey = (e: KeyboardEvent) => {
      // A page script's key event is not the person's.
      if (!e.isTrusted || !isShortcut(e)) return;
      e.preventDefault();
      e.stopPropagation();
      focusRef.current();
    };
    // Once the person works on the page again, the bubble must not take the focus back.
    const onFocusIn = (e: FocusEvent) => {
      if (!layer.current?.contains(e.composedPath()[0] as Node)) focusedAt.current = null;
    };
    addEventListener('keydown', onKey, true);
    addEventListener('focusin', onFocusIn, true);
    return () => {
      removeEventListener('keydown', onKey, true);
      removeEventListener('focusin', onFocusIn, true);
    };
  }, [!!view]);

  const hide = () => {
    setHiddenAt(key);
    // Only at the person's own Escape (README): the focus goes back where they were on the page; had they been
    // nowhere on it yet, to the step's element, as Tab would take them there. Else it stays on « Afficher le guide ».
    if (pageFocus.current?.isConnected) {
      if (!tryFocus(pageFocus.current)) focusNext.current = 'show';
    } else if (!tryFocus(element) && !tryFocus(controlIn(element))) focusNext.current = 'show';
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // The person's own key only: a synthetic Escape would move the focus into the page for them.
    if (e.key === 'Escape' && e.isTrusted) {
      e.stopPropagation();
      hide();
    }
  };

  const onFocus = (e: FocusEvent) => {
    const from = e.relatedTarget as Node | null;
    if (from && !layer.current?.contains(from)) pageFocus.current = from as Element;
  };

  const send: typeof onEvent = (e) => {
    const b = bubble.current;
    if (b?.contains((b.getRootNode() as ShadowRoot).activeElement)) focusedAt.current = key;
    onEvent(e);
  };

  const onHelp = () => {
    if (item) onEvent({ type: 'help', kind: 'not-found', itemId: item.id });
    if (element) {
      scrollTo(element, calm);
      setPulse(pulse + 1);
    }
  };

  // What a screen reader hears when the item changes; the extra sentence (target
  // missing, sensitive step) is announced after it.
  const lang = i18n.t('lang');
  let progress = '';
  let text = '';
  let extra: string | null = null;
  if (view && item) {
    if (item.kind === 'end') {
      progress = i18n.t('overlay.ended');
      text = item.message ?? '';
    } else {
      // Back from a guide run by the guide: said first, so that the person knows where they are.
      progress = view.cameBackFrom ? `${i18n.t('overlay.cameBack', [view.cameBackFrom])} ${progressText(view)}` : progressText(view);
      text = item.kind === 'question' ? item.question : item.instruction;
      extra = (item.kind === 'step' ? missingText(target) : null) ?? sensitiveText(view);
    }
  }

  return (
    <>
      {view && (
        // The layer covers the viewport but lets every pointer event through (CSS):
        // the page stays usable and the target clickable.
        // The display settings: the text size as a CSS variable, the theme and the calm as classes (overlay.css).
        <div
          ref={layer}
          class={`layer${settings.highContrast ? ' hc' : ''}${calm ? ' calm' : ''}`}
          style={{ '--cac-scale': textScaleFor(settings, view.run.mode) }}
          lang={lang}
        >
          {element && (
            <svg ref={spot} class="spot" aria-hidden="true">
              {!hidden && <path ref={dim} class="dim" />}
              <g ref={ring} key={pulse} class={`ring${opening ? ' opener' : ''}${pulse ? ' pulse' : ''}`}>
                <rect class="halo" rx={RADIUS} />
                <rect class="line" rx={RADIUS} />
              </g>
            </svg>
          )}
          {hidden ? (
            <button ref={showButton} type="button" class="show" aria-keyshortcuts={SHORTCUT} onClick={focusBubble}>
              {i18n.t('overlay.show')}
            </button>
          ) : (
            <div
              key={key}
              ref={bubble}
              class={element ? 'bubble anchored' : 'bubble corner'}
              role="dialog"
              aria-modal="false"
              aria-labelledby={TITLE_ID}
              aria-describedby={TEXT_ID}
              aria-keyshortcuts={SHORTCUT}
              tabIndex={-1}
              onKeyDown={onKeyDown}
              onFocusCapture={onFocus}
            >
              <Bubble view={view} target={target} onEvent={send} onSearchAgain={onSearchAgain} onHelp={onHelp} onHide={hide} />
            </div>
          )}
        </div>
      )}
      {/* Atomic, as a status message (RGAA 7.5): the extra sentence is read with its step. */}
      <div class="sr-only" aria-live="polite" aria-atomic="true" lang={lang}>
        {view && (
          <p key={key}>
            {progress}. <span lang={view.guide.lang}>{text}</span>
          </p>
        )}
        {extra && <p>{extra}</p>}
      </div>
    </>
  );
}

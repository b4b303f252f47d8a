import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { Overlay } from '../../../components/overlay';
import type { OverlayProps, TargetState } from '../../../components/overlay/types';
import type { Guide, GuideItem } from '../../../utils/guide/schema';
import type { StepView } from '../../../utils/messages';
import { type Recap, type RunMode, startRun } from '../../../utils/run';
import { useLocale } from '../i18n/locale';

/** Makes `i18n.t` answer with the real French messages of locales/fr.yml, as the browser would. */
export const useMessages = (locale: 'fr' | 'en' = 'fr') => useLocale(locale);

export const step = (over: Partial<Extract<GuideItem, { kind: 'step' }>> = {}): GuideItem => ({
  kind: 'step',
  id: 'email',
  action: 'fill',
  instruction: 'Tapez votre adresse e-mail.',
  sensitive: false,
  ...over,
});

export function view(item: GuideItem, over: Partial<StepView> & { mode?: RunMode } = {}): StepView {
  const { mode = 'advisor', ...rest } = over;
  const guide = { format: 1, id: 'creer-un-compte', version: '1.0.0', steps: [item] } as unknown as Guide;
  return {
    guide: { id: 'creer-un-compte', title: 'Créer un compte', lang: 'fr', prepare: [] },
    run: { ...startRun(guide, mode, 0), currentId: item.id },
    item,
    position: 2,
    total: 5,
    canGoBack: true,
    spotlight: true,
    ...rest,
  };
}

/** A recap with the three counts the end screen shows; the rest is zero. */
export function recapOf(steps: number, doneByHand: number, helpAsked: number): Recap {
  return {
    finished: true,
    steps,
    doneByPerson: steps - doneByHand,
    doneByHand,
    skipped: 0,
    questionsAnswered: 0,
    backs: 0,
    helpAsked,
    helpByKind: { 'not-found': helpAsked, 'show-me': 0, lost: 0 },
    helpIds: [],
    manualIds: [],
    durationMs: 0,
  };
}

export interface Mounted {
  root: ShadowRoot;
  onEvent: ReturnType<typeof vi.fn>;
  onSearchAgain: ReturnType<typeof vi.fn>;
  update(props: Partial<OverlayProps>): void;
  $(selector: string): HTMLElement | null;
  $$(selector: string): HTMLElement[];
  button(name: string): HTMLButtonElement | undefined;
  unmount(): void;
}

/** Renders the overlay in a shadow root, as the content script does. */
export function mount(props: Partial<OverlayProps> & { view: StepView | null; target?: TargetState }): Mounted {
  const host = document.createElement('cote-a-cote-overlay');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.append(container);
  const onEvent = vi.fn();
  const onSearchAgain = vi.fn();
  let current: OverlayProps = { target: { status: 'no-target' }, onEvent, onSearchAgain, ...props };
  const draw = () => act(() => render(<Overlay {...current} />, container));
  draw();
  const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
  return {
    root,
    onEvent,
    onSearchAgain,
    update(next) {
      current = { ...current, ...next };
      draw();
    },
    $: (selector) => root.querySelector<HTMLElement>(selector),
    $$,
    button: (name) => $$('button').find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined,
    unmount() {
      act(() => render(null, container));
      host.remove();
    },
  };
}

/** A page element whose box is `rect` (happy-dom does no layout). */
export function pageTarget(rect: { x: number; y: number; width: number; height: number }, tag = 'button'): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = 'Adresse e-mail';
  document.body.append(el);
  stubRect(el, rect);
  return el;
}

export function stubRect(el: Element, { x, y, width, height }: { x: number; y: number; width: number; height: number }) {
  el.getBoundingClientRect = () =>
    ({ x, y, left: x, top: y, width, height, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;
}

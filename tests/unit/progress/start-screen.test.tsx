import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StartScreen } from '../../../components/shared/StartScreen';
import { useSuggestion } from '../../../components/shared/suggestion';
import { summarize } from '../../../utils/catalogue';
import { emptyProgress, recordFinishedRun } from '../../../utils/progress';
import { progressItem } from '../../../utils/storage/schema-items';
import { buttonByText, click, installFrench, mount, TestBackground, unmount, waitFor } from '../popup/harness';
import { guide, play, T0 } from './fixtures';

let container: HTMLElement | undefined;
const onStart = vi.fn(async () => undefined);

/** The start screen as the catalogue shows it, given the suggestion from the stored progress. */
function Wired() {
  const suggestion = useSuggestion(guide.id);
  return <StartScreen guide={summarize(guide)} replacesRun={false} onStart={onStart} onCancel={() => undefined} suggestion={suggestion} />;
}

beforeEach(async () => {
  fakeBrowser.reset();
  onStart.mockClear();
  await installFrench();
  new TestBackground([guide]).install();
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

const checkedLevel = () => container?.querySelector<HTMLInputElement>('input[name="start-level"]:checked')?.value;

describe('the start screen’s suggestion', () => {
  it('offers less help after two times without help, and leaves the choice to the person', async () => {
    const progress = [T0, T0 + 86_400_000].reduce((p, startedAt) => {
      const run = play({ startedAt });
      return recordFinishedRun(p, guide, run, run.updatedAt);
    }, emptyProgress());
    await fakeBrowser.storage.local.set({ [progressItem.key]: progress });
    container = await mount(<Wired />);
    const note = await waitFor(() => container?.querySelector<HTMLElement>('.suggestion'), 'the suggestion');
    expect(note.querySelector('p')?.textContent).toBe(
      "Vous avez réussi 2 fois avec guidage, sans aide. Essayer avec moins d'aide, le niveau « Autonome avec guidage en cas de besoin » ?",
    );
    expect(checkedLevel()).toBe('guided');
    await click(buttonByText(note, 'Choisir ce niveau'));
    expect(checkedLevel()).toBe('on-demand');
    expect(document.activeElement?.id).toBe('start-level-on-demand');
    expect(buttonByText(container!, 'Choisir ce niveau')).toBeUndefined();
    await click(container?.querySelector('button[type=submit]'));
    expect(onStart).toHaveBeenCalledWith('advisor', 'on-demand');
  });

  it('offers nothing without such progress', async () => {
    const run = play({ help: ['connexion'] });
    await fakeBrowser.storage.local.set({ [progressItem.key]: recordFinishedRun(emptyProgress(), guide, run, run.updatedAt) });
    container = await mount(<Wired />);
    await waitFor(() => container?.querySelector('.prepare'), 'the start screen');
    expect(container?.querySelector('.suggestion')).toBeNull();
  });
});

/**
 * The guide editor page: the opening screen or one working copy being edited.
 * `editor.html?doc=<doc>` reopens a working copy (after a reload, a closed
 * browser); `editor.html?draft=1` opens the recording the background just
 * left in storage.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import {
  copyOfBundled,
  fingerprint,
  fromGuide,
  newDocId,
  newGuide,
  type WorkingCopy,
  type WorkingGuide,
  type WorkingSummary,
} from '../../utils/editor';
import type { Guide } from '../../utils/guide/schema';
import { send } from '../../utils/send';
import { useDisplaySettings } from '../shared/display';
import { GuideForm } from './GuideForm';
import { Home } from './Home';
import { useKnownGuides } from './known';
import {
  followIncoming,
  type Incoming,
  listWorkingCopies,
  readIncoming,
  readWorking,
  removeWorking,
  takeIncoming,
  writeWorking,
} from './platform';

type Screen = { name: 'loading' } | { name: 'home'; notice?: string } | { name: 'edit'; copy: WorkingCopy };

export interface EditorProps {
  now?: () => number;
}

/** Puts the working copy in the page's address, so that a reload reopens it. */
function showInAddress(doc: string | null) {
  const url = new URL(location.href);
  url.search = doc === null ? '' : `?doc=${encodeURIComponent(doc)}`;
  window.history.replaceState(null, '', url.href); // never-act: own page — the editor's own address
}

export function Editor({ now = Date.now }: EditorProps) {
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [busy, setBusy] = useState(false);
  const [drafts, setDrafts] = useState<WorkingSummary[] | null>(null);
  const [incoming, setIncoming] = useState<Incoming | null>(null);
  const { known, refresh } = useKnownGuides();
  // Text size and contrast chosen in the settings apply here too.
  useDisplaySettings(null);

  const refreshDrafts = useCallback(async () => {
    try {
      setDrafts(await listWorkingCopies());
      setIncoming(await readIncoming());
    } catch {
      setDrafts([]);
    }
  }, []);

  const open = useCallback(async (copy: WorkingCopy) => {
    // Written before it is shown: from now on, closing the page loses nothing.
    await writeWorking(copy);
    showInAddress(copy.doc);
    setScreen({ name: 'edit', copy });
  }, []);

  const newDoc = () => newDocId(now());

  useEffect(() => {
    document.documentElement.lang = i18n.t('lang');
    // A file dropped outside the import zone must not replace the page.
    const keep = (event: DragEvent) => {
      if (Array.from(event.dataTransfer?.types ?? []).includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    void boot();
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  // A recording stopped while the opening screen is shown: it appears there.
  useEffect(() => followIncoming(setIncoming), []);

  async function boot() {
    const params = new URLSearchParams(location.search);
    try {
      if (params.get('draft') === '1') {
        const copy = await takeIncoming((guide) => fromGuide(guide, { doc: newDoc(), origin: 'recorded' }));
        if (copy) {
          showInAddress(copy.doc);
          setScreen({ name: 'edit', copy });
          return;
        }
      }
      const doc = params.get('doc');
      if (doc) {
        const copy = await readWorking(doc);
        if (copy) {
          setScreen({ name: 'edit', copy });
          return;
        }
        showInAddress(null);
        await refreshDrafts();
        setScreen({ name: 'home', notice: i18n.t('editor.home.missingDraft') });
        return;
      }
    } catch {
      // storage unreadable: the opening screen says what it can
    }
    await refreshDrafts();
    setScreen({ name: 'home' });
  }

  async function run(task: () => Promise<void>) {
    setBusy(true);
    try {
      await task();
    } catch {
      setScreen({ name: 'home', notice: i18n.t('editor.error') });
    } finally {
      setBusy(false);
    }
  }

  async function goHome() {
    showInAddress(null);
    setScreen({ name: 'home' });
    await refreshDrafts();
    await refresh();
  }

  const editMine = (id: string) =>
    run(async () => {
      // A draft of this guide in progress is reopened rather than started again.
      const existing = (await listWorkingCopies()).find((draft) => draft.savedId === id);
      const again = existing && (await readWorking(existing.doc));
      if (again) return open(again);
      const guide = await send({ type: 'guide:get', guideId: id });
      if (!guide) {
        setScreen({ name: 'home', notice: i18n.t('editor.home.missingGuide') });
        return;
      }
      await open(fromGuide(guide, { doc: newDoc(), origin: 'edited', savedId: id, savedPrint: fingerprint(guide) }));
    });

  const copyBundled = (id: string) =>
    run(async () => {
      const guide = await send({ type: 'guide:get', guideId: id });
      if (!guide) {
        setScreen({ name: 'home', notice: i18n.t('editor.home.missingGuide') });
        return;
      }
      const ready = known.state === 'ready' ? known.value : null;
      const taken = new Set([...(ready?.bundledIds ?? []), ...(ready?.mine.map((entry) => entry.id) ?? [])]);
      await open(copyOfBundled(guide, newDoc(), taken, i18n.t('editor.home.copyTitle', [guide.title])));
    });

  const openIncoming = () =>
    run(async () => {
      const copy = await takeIncoming((guide: WorkingGuide) => fromGuide(guide, { doc: newDoc(), origin: 'recorded' }));
      if (copy) {
        showInAddress(copy.doc);
        setScreen({ name: 'edit', copy });
      } else await refreshDrafts();
    });

  const resume = (doc: string) =>
    run(async () => {
      const copy = await readWorking(doc);
      if (copy) {
        showInAddress(doc);
        setScreen({ name: 'edit', copy });
      } else {
        await refreshDrafts();
        setScreen({ name: 'home', notice: i18n.t('editor.home.missingDraft') });
      }
    });

  /** Removes one of « Mes guides » (the background also gives back the sites no other guide needs); whether it went. */
  async function removeMine(id: string): Promise<boolean> {
    setBusy(true);
    try {
      await send({ type: 'userGuides:remove', guideId: id });
      await refresh();
      return true;
    } catch {
      return false;
    } finally {
      setBusy(false);
    }
  }

  const discard = (doc: string) =>
    run(async () => {
      await removeWorking(doc);
      await refreshDrafts();
    });

  if (screen.name === 'loading') {
    return (
      <main class="editor">
        <h1>{i18n.t('editor.title')}</h1>
        <p aria-live="polite">{i18n.t('editor.loading')}</p>
      </main>
    );
  }
  if (screen.name === 'edit') {
    return <GuideForm key={screen.copy.doc} initial={screen.copy} known={known} refreshKnown={refresh} onHome={() => void goHome()} />;
  }
  return (
    <Home
      known={known}
      drafts={drafts}
      incoming={incoming}
      notice={screen.notice}
      busy={busy}
      onNew={() => run(() => open(newGuide(newDoc())))}
      onResume={resume}
      onDiscard={discard}
      onEditMine={editMine}
      onRemoveMine={removeMine}
      onCopyBundled={copyBundled}
      onOpenIncoming={openIncoming}
      onOpenDraftGuide={(guide: Guide) => run(() => open(fromGuide(guide, { doc: newDoc(), origin: 'imported' })))}
      onSaved={() => void refresh()}
    />
  );
}

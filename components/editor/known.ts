/** The guides the editor knows of: "my guides" (and those set aside), and the bundled ones. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { GuideSummary } from '../../utils/catalogue';
import type { UserGuideListEntry } from '../../utils/messages';
import { send } from '../../utils/send';

export interface KnownGuides {
  mine: UserGuideListEntry[];
  setAside: { id: string; message: string }[];
  bundled: GuideSummary[];
  bundledIds: Set<string>;
  /** Language of each guide's texts, by id. */
  langs: Map<string, string>;
}

export type KnownState = { state: 'loading' } | { state: 'ready'; value: KnownGuides } | { state: 'failed' };

export async function loadKnown(): Promise<KnownGuides> {
  const [list, catalogue] = await Promise.all([send({ type: 'userGuides:list' }), send({ type: 'catalogue:forPage', url: null })]);
  const all = [...(catalogue?.fitting ?? []), ...(catalogue?.others ?? [])];
  const bundled = all.filter((guide) => !guide.own);
  return {
    mine: list?.guides ?? [],
    setAside: list?.setAside ?? [],
    bundled,
    bundledIds: new Set(bundled.map((guide) => guide.id)),
    langs: new Map(all.map((guide) => [guide.id, guide.lang])),
  };
}

export function useKnownGuides(): { known: KnownState; refresh(): Promise<KnownGuides | null> } {
  const [known, setKnown] = useState<KnownState>({ state: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const value = await loadKnown();
      setKnown({ state: 'ready', value });
      return value;
    } catch {
      setKnown({ state: 'failed' });
      return null;
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { known, refresh };
}

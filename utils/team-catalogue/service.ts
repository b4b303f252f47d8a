/**
 * The background's team-catalogue service: check a catalogue before adding
 * it, add it, update it (on demand, or once a day at browser start), remove
 * it. Every change of the installed catalogues is one write of one stored
 * value, made only after the whole catalogue was downloaded and checked: a
 * refused catalogue leaves the last good one exactly as it was.
 *
 * The only requests: GETs of the catalogue's files (see `fetch.ts`), never
 * while a person's run is on screen. Host permissions are asked by the
 * settings page (a browser asks during a click); this service takes them
 * back when a catalogue goes.
 */
import { sitesToRelease } from '../catalogue/sites';
import type { Guide } from '../guide/schema';
import type { Handlers, TeamCatalogueRequest } from '../messages';
import { teamCatalogueChecksItem } from '../storage/items';
import { teamCataloguesItem } from '../storage/schema-items';
import { catalogueBase, hostPatternOf } from './address';
import type { CatalogueCheck, TeamProblem } from './checks';
import { type InstalledCatalogue, type TeamCatalogues, teamGuides } from './installed';
import { normalizePublicKey } from './keys';
import { type CatalogueSource, type VerifiedCatalogue, verifyCatalogue } from './verify';

export interface TeamCataloguePlatform {
  /** Where the files of the catalogue at `base` come from. */
  source(base: URL): CatalogueSource;
  /** Takes back host permissions (those the manifest requires are kept by the browser anyway). */
  removeOrigins(origins: string[]): Promise<void>;
  /** Host permissions the manifest requires: never taken back. */
  requiredOrigins(): string[];
}

export interface TeamCatalogueDeps {
  platform: TeamCataloguePlatform;
  now: () => number;
  /** Ids a catalogue guide may not take: bundled guides and « Mes guides ». */
  takenIds: () => Promise<ReadonlySet<string>>;
  /** The guides a catalogue guide may run besides those of catalogues: bundled guides and « Mes guides ». */
  installedGuides: () => Promise<readonly Pick<Guide, 'id' | 'steps'>[]>;
  /** Sites other guides still need (« Mes guides »): their permission stays. */
  otherSites: () => Promise<readonly string[]>;
  /** Whether a person's run is on screen in a tab: then no request is made. */
  runOnScreen: () => Promise<boolean>;
}

/** What adding or updating changes, by guide title. */
export interface CatalogueChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

export interface CataloguePreview extends CatalogueChanges {
  url: string;
  name: string;
  publisher: string;
  version: number;
  publishedAt: string;
  sites: string[];
  indexHash: string;
}

export interface TeamCatalogueEntry {
  url: string;
  name: string;
  publisher: string;
  version: number;
  publishedAt: string;
  daily: boolean;
  guides: { id: string; title: string }[];
  check?: CatalogueCheck;
}

/** An update is looked for at browser start when the last one is older than this. */
export const DAILY_MS = 20 * 60 * 60 * 1000;

export function changesBetween(before: readonly Guide[], after: readonly Guide[]): CatalogueChanges {
  const old = new Map(before.map((guide) => [guide.id, guide]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const guide of after) {
    const previous = old.get(guide.id);
    if (!previous) added.push(guide.title);
    else if (JSON.stringify(previous) !== JSON.stringify(guide)) changed.push(guide.title);
    old.delete(guide.id);
  }
  return { added, changed, removed: [...old.values()].map((guide) => guide.title) };
}

type Failure = { ok: false; problem: TeamProblem };
const refuse = (problem: TeamProblem): Failure => ({ ok: false, problem });

export function createTeamCatalogueService(deps: TeamCatalogueDeps) {
  const { platform, now } = deps;
  /** What « Vérifier » checked, so that « Ajouter » applies exactly that (downloaded again if the worker slept meanwhile). */
  const checked = new Map<string, VerifiedCatalogue>();

  const read = () => teamCataloguesItem.get();

  async function note(url: string, check: Omit<CatalogueCheck, 'at'>) {
    await teamCatalogueChecksItem.update((checks) => ({ ...checks, [url]: { ...check, at: now() } }));
  }

  async function takenBy(state: TeamCatalogues, except: string): Promise<Set<string>> {
    const taken = new Set(await deps.takenIds());
    for (const catalogue of state.catalogues) {
      if (catalogue.url !== except) for (const guide of catalogue.guides) taken.add(guide.id);
    }
    return taken;
  }

  async function download(base: URL, publicKey: string, installed?: InstalledCatalogue) {
    if (await deps.runOnScreen()) return refuse({ kind: 'run-on-screen' });
    const state = await read();
    const otherCatalogues = state.catalogues.filter((catalogue) => catalogue.url !== base.href).flatMap((catalogue) => catalogue.guides);
    const result = await verifyCatalogue(platform.source(base), publicKey, {
      takenIds: await takenBy(state, base.href),
      elsewhere: [...(await deps.installedGuides()), ...otherCatalogues],
      ...(installed ? { installed: { version: installed.version, indexHash: installed.indexHash } } : {}),
    });
    return result;
  }

  function entryOf(base: URL, publicKey: string, catalogue: VerifiedCatalogue, daily: boolean): InstalledCatalogue {
    const { index, indexHash, guides } = catalogue;
    return {
      url: base.href,
      publicKey,
      name: index.name,
      publisher: index.publisher,
      version: index.version,
      publishedAt: index.publishedAt,
      indexHash,
      sites: index.sites,
      guides,
      daily,
      installedAt: now(),
    };
  }

  async function check(address: string, keyText: string) {
    const base = catalogueBase(address);
    if (!base) return refuse({ kind: 'address' });
    const publicKey = normalizePublicKey(keyText);
    if (!publicKey) return refuse({ kind: 'key' });
    if ((await read()).catalogues.some((catalogue) => catalogue.url === base.href)) return refuse({ kind: 'already' });
    const result = await download(base, publicKey);
    if (!result.ok) return result;
    if (result.unchanged) return refuse({ kind: 'changed' }); // not reached: nothing installed to compare with
    checked.set(base.href, result.catalogue);
    const { index, indexHash, guides } = result.catalogue;
    const preview: CataloguePreview = {
      url: base.href,
      name: index.name,
      publisher: index.publisher,
      version: index.version,
      publishedAt: index.publishedAt,
      sites: index.sites,
      indexHash,
      ...changesBetween([], guides),
    };
    return { ok: true as const, preview };
  }

  async function add(address: string, keyText: string, indexHash: string, daily: boolean) {
    const base = catalogueBase(address);
    if (!base) return refuse({ kind: 'address' });
    const publicKey = normalizePublicKey(keyText);
    if (!publicKey) return refuse({ kind: 'key' });
    let catalogue = checked.get(base.href);
    if (!catalogue || catalogue.indexHash !== indexHash) {
      const result = await download(base, publicKey);
      if (!result.ok) return result;
      if (result.unchanged || result.catalogue.indexHash !== indexHash) return refuse({ kind: 'changed' });
      catalogue = result.catalogue;
    }
    const verified = catalogue;
    const taken = await takenBy(await read(), base.href);
    const clash = verified.guides.find((guide) => taken.has(guide.id));
    if (clash) return refuse({ kind: 'taken', id: clash.id });
    let already = false;
    // One write: the whole new state, or nothing.
    await teamCataloguesItem.update((state) => {
      already = state.catalogues.some((entry) => entry.url === base.href);
      return already ? state : { v: 1, catalogues: [...state.catalogues, entryOf(base, publicKey, verified, daily)] };
    });
    if (already) return refuse({ kind: 'already' });
    checked.delete(base.href);
    await note(base.href, { outcome: 'updated' });
    return { ok: true as const };
  }

  async function update(url: string) {
    const installed = (await read()).catalogues.find((catalogue) => catalogue.url === url);
    const base = catalogueBase(url);
    if (!installed || !base) return refuse({ kind: 'unknown' });
    const result = await download(base, installed.publicKey, installed);
    if (!result.ok) {
      // The installed catalogue stays exactly as it was; only the note says what happened.
      await note(url, { outcome: 'refused', problem: result.problem });
      return result;
    }
    if (result.unchanged) {
      await note(url, { outcome: 'up-to-date' });
      return { ok: true as const, outcome: 'up-to-date' as const, changes: changesBetween(installed.guides, installed.guides) };
    }
    const verified = result.catalogue;
    let changes: CatalogueChanges | null = null;
    await teamCataloguesItem.update((state) => {
      const current = state.catalogues.find((catalogue) => catalogue.url === url);
      // Removed meanwhile, or updated by another request to a newer version: nothing to do.
      if (!current || current.version >= verified.index.version) return state;
      changes = changesBetween(current.guides, verified.guides);
      return {
        v: 1,
        catalogues: state.catalogues.map((catalogue) =>
          catalogue.url === url ? entryOf(base, current.publicKey, verified, current.daily) : catalogue,
        ),
      };
    });
    if (!changes) return refuse({ kind: 'unknown' });
    await note(url, { outcome: 'updated' });
    return { ok: true as const, outcome: 'updated' as const, changes: changes as CatalogueChanges };
  }

  async function remove(url: string) {
    let removed: InstalledCatalogue | undefined;
    let remaining: InstalledCatalogue[] = [];
    await teamCataloguesItem.update((state) => {
      removed = state.catalogues.find((catalogue) => catalogue.url === url);
      remaining = state.catalogues.filter((catalogue) => catalogue.url !== url);
      return { v: 1, catalogues: remaining };
    });
    await teamCatalogueChecksItem.update((checks) => {
      const { [url]: _gone, ...rest } = checks;
      return rest;
    });
    if (!removed) return { ok: true as const };
    // Take back what only this catalogue needed: its host, and its sites that no other guide names.
    const keep = new Set([
      ...platform.requiredOrigins(),
      ...(await deps.otherSites()),
      ...remaining.flatMap((catalogue) => [...catalogue.sites, ...catalogue.guides.flatMap((guide) => guide.sites)]),
      ...remaining.flatMap((catalogue) => {
        const base = catalogueBase(catalogue.url);
        return base ? [hostPatternOf(base)] : [];
      }),
    ]);
    const base = catalogueBase(removed.url);
    // Overlap, not equality (utils/catalogue/sites.ts): a wildcard still needed keeps the hosts it covers.
    const origins = sitesToRelease([...(base ? [hostPatternOf(base)] : []), ...removed.sites], [...keep]);
    if (origins.length > 0) await platform.removeOrigins(origins).catch(() => undefined);
    return { ok: true as const };
  }

  const handlers: Handlers<TeamCatalogueRequest['type']> = {
    'teamCatalogues:list': {
      from: 'extension',
      async handle() {
        const [state, checks] = await Promise.all([read(), teamCatalogueChecksItem.get()]);
        const catalogues: TeamCatalogueEntry[] = state.catalogues.map((catalogue) => ({
          url: catalogue.url,
          name: catalogue.name,
          publisher: catalogue.publisher,
          version: catalogue.version,
          publishedAt: catalogue.publishedAt,
          daily: catalogue.daily,
          guides: catalogue.guides.map((guide) => ({ id: guide.id, title: guide.title })),
          ...(checks[catalogue.url] ? { check: checks[catalogue.url] } : {}),
        }));
        return { catalogues };
      },
    },
    'teamCatalogues:check': { from: 'extension', handle: (request) => check(request.address, request.publicKey) },
    'teamCatalogues:add': {
      from: 'extension',
      handle: (request) => add(request.address, request.publicKey, request.indexHash, request.daily),
    },
    'teamCatalogues:update': { from: 'extension', handle: (request) => update(request.url) },
    'teamCatalogues:remove': { from: 'extension', handle: (request) => remove(request.url) },
    'teamCatalogues:setDaily': {
      from: 'extension',
      async handle(request) {
        await teamCataloguesItem.update((state) => ({
          v: 1,
          catalogues: state.catalogues.map((catalogue) =>
            catalogue.url === request.url ? { ...catalogue, daily: request.daily } : catalogue,
          ),
        }));
        return { ok: true as const };
      },
    },
  };

  return {
    handlers,
    guides: async () => teamGuides(await read()),
    read,
    /** At browser start: each catalogue that asked for it is looked at, once a day at most. */
    async onStartup() {
      const [state, checks] = await Promise.all([read(), teamCatalogueChecksItem.get()]);
      for (const catalogue of state.catalogues) {
        const last = checks[catalogue.url]?.at ?? catalogue.installedAt;
        if (catalogue.daily && now() - last >= DAILY_MS) await update(catalogue.url).catch(() => undefined);
      }
    },
  };
}

export type TeamCatalogueService = ReturnType<typeof createTeamCatalogueService>;

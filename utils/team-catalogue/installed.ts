/**
 * The team catalogues as the extension keeps them (`teamCataloguesItem`): all
 * of them in one stored value, so that adding, updating or removing one is a
 * single write — a catalogue is never half applied, even if the browser stops
 * in the middle — and a refused download leaves that value untouched.
 *
 * Stored format, version 1: `{ v: 1, catalogues: InstalledCatalogue[] }`.
 * Every read checks each guide again with the guide schema; a value that does
 * not read is set aside whole (`damaged:teamCatalogues`), never half-trusted.
 */
import { z } from 'zod';
import { type Guide, guideSchema } from '../guide/schema';
import type { Parsed } from '../storage/item';
import { catalogueIndexSchema } from './format';

const installedSchema = z.object({
  /** The catalogue's address, as a folder (its identity). */
  url: z.string().min(1),
  /** The publisher's key that every later index must be signed with. */
  publicKey: z.string(),
  name: z.string(),
  publisher: z.string(),
  version: z.number().int().min(1),
  publishedAt: z.string(),
  /** SHA-256 of the index installed. */
  indexHash: z.string(),
  sites: catalogueIndexSchema.shape.sites,
  guides: z.array(guideSchema),
  /** Look for an update once a day, when the browser starts. */
  daily: z.boolean(),
  /** When it was installed or last updated (epoch ms). */
  installedAt: z.number(),
});

const storeSchema = z.object({ v: z.literal(1), catalogues: z.array(installedSchema) });

export type InstalledCatalogue = z.infer<typeof installedSchema>;
export interface TeamCatalogues {
  v: 1;
  catalogues: InstalledCatalogue[];
}

export const NO_TEAM_CATALOGUES: TeamCatalogues = { v: 1, catalogues: [] };

export function readTeamCatalogues(raw: unknown): Parsed<TeamCatalogues> {
  const parsed = storeSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data as TeamCatalogues } : { ok: false, problem: 'unreadable team catalogues' };
}

/** Where a guide comes from, as the lists show it. */
export interface TeamProvenance {
  name: string;
  publishedAt: string;
}

export function teamGuides(state: TeamCatalogues): Guide[] {
  return state.catalogues.flatMap((catalogue) => catalogue.guides);
}

export function provenanceOf(state: TeamCatalogues): Map<string, TeamProvenance> {
  const out = new Map<string, TeamProvenance>();
  for (const catalogue of state.catalogues) {
    for (const guide of catalogue.guides) out.set(guide.id, { name: catalogue.name, publishedAt: catalogue.publishedAt });
  }
  return out;
}

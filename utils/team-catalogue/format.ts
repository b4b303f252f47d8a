/**
 * The team-catalogue format, version 1: the one zod schema of a catalogue's
 * index (`index.json`), from which its type and its JSON Schema
 * (`docs/catalogue.schema.json`, by `scripts/gen-guide-schema.ts`) come.
 *
 * A published catalogue is a folder of static files:
 *   index.json       the index below, exactly as signed;
 *   index.json.sig   the Ed25519 signature of index.json's bytes (base64);
 *   <file>           each guide file named by the index.
 */
import { z } from 'zod';
import { MAX_GUIDE_BYTES } from '../guide/parse';
import { sitePatternSchema, stepIdSchema } from '../guide/schema';

export const CATALOGUE_FORMAT = 1;
export const INDEX_FILE = 'index.json';
export const SIGNATURE_FILE = 'index.json.sig';

/** Limits, so that a catalogue cannot fill the extension's storage nor hold the browser. */
export const CATALOGUE_LIMITS = {
  indexBytes: 256 * 1024,
  signatureBytes: 1024,
  guideBytes: MAX_GUIDE_BYTES,
  /** All guide files together: the installed catalogues live in extension storage. */
  totalBytes: 4 * 1024 * 1024,
  guides: 200,
  sites: 50,
} as const;

/** A file of the folder: a relative path without `..`, ending in `.json` (`guides/impots.json`). */
const filePathSchema = z
  .string()
  .max(200)
  .regex(/^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.json$/)
  .refine((path) => !path.split('/').some((part) => part === '..' || part === '.'), 'no .. in a path')
  .refine((path) => path !== INDEX_FILE, 'the index is not a guide');

export const catalogueEntrySchema = z
  .object({
    /** The guide's id, as in its file. */
    id: stepIdSchema,
    /** The guide's version, as in its file. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    file: filePathSchema,
    /** SHA-256 of the file's bytes, lowercase hexadecimal. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The file's size in bytes. */
    size: z.number().int().min(1).max(CATALOGUE_LIMITS.guideBytes),
  })
  .strict();

export const catalogueIndexSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(CATALOGUE_FORMAT),
    /** The team's name, shown with each of its guides. */
    name: z.string().trim().min(1).max(80),
    /** Who publishes (the trainer, the network). */
    publisher: z.string().trim().min(1).max(120),
    /** Grows with each publication: an older or equal number is refused (replay of an old version). */
    version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    /** Publication date, `AAAA-MM-JJ`. */
    publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** The only sites its guides may name. */
    sites: z.array(sitePatternSchema).min(1).max(CATALOGUE_LIMITS.sites),
    guides: z.array(catalogueEntrySchema).max(CATALOGUE_LIMITS.guides),
  })
  .strict()
  .superRefine((index, ctx) => {
    const ids = new Set<string>();
    const files = new Set<string>();
    let total = 0;
    index.guides.forEach((entry, i) => {
      if (ids.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['guides', i, 'id'], message: `duplicate id ${entry.id}` });
      if (files.has(entry.file)) ctx.addIssue({ code: 'custom', path: ['guides', i, 'file'], message: `duplicate file ${entry.file}` });
      ids.add(entry.id);
      files.add(entry.file);
      total += entry.size;
    });
    if (total > CATALOGUE_LIMITS.totalBytes) ctx.addIssue({ code: 'custom', path: ['guides'], message: 'too large altogether' });
  });

export type CatalogueIndex = z.infer<typeof catalogueIndexSchema>;

/**
 * The unsigned draft that « Mes guides » exports next to the guide files
 * (`catalogue.json`): what the trainer typed, read by `npm run catalogue --
 * build` for what its options do not say. Not an index: no version, no hash,
 * no signature; the command makes those.
 */
export const DRAFT_FILE = 'catalogue.json';

export const catalogueDraftSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().trim().min(1).max(80).optional(),
    publisher: z.string().trim().min(1).max(120).optional(),
    sites: z.array(sitePatternSchema).min(1).max(CATALOGUE_LIMITS.sites).optional(),
  })
  .strict();

export type CatalogueDraft = z.infer<typeof catalogueDraftSchema>;
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

/** One zod issue as a short path and message (French words for a trainer are added by the CLI and the settings page). */
export function indexIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'} : ${issue.message}`);
}

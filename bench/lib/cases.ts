/**
 * The cross-version case file: an element on an older DSFR page and the
 * element that means the same thing on the newer page (or `null` when it is
 * gone). Selectors are ground truth for the harness, never shown to the engine.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const CASE_KINDS = [
  'input',
  'password',
  'select',
  'radio',
  'checkbox',
  'toggle',
  'upload',
  'button',
  'link',
  'franceconnect',
  'tab',
  'text',
] as const;

const pagePath = z.string().regex(/^\d+\.\d+\.\d+\/example\/[\w./-]+\.html$/, 'a page path: <version>/example/…/index.html');

export const caseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    kind: z.enum(CASE_KINDS),
    before: z.object({ page: pagePath, selector: z.string().min(1) }).strict(),
    after: z.object({ page: pagePath, selector: z.string().min(1).nullable() }).strict(),
    /** Why the pair is right when it is not obvious (renamed text, moved element, removed element…). */
    note: z.string().min(1).optional(),
  })
  .strict();

export const caseFileSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    cases: z.array(caseSchema).min(1),
  })
  .strict();

export type BenchCase = z.infer<typeof caseSchema>;
export type CaseFile = z.infer<typeof caseFileSchema>;

export function loadCaseFile(file: string): CaseFile {
  return caseFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

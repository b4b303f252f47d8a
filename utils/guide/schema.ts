import { z } from 'zod';
import { targetSchema } from '../locate/target';

/**
 * The guide format, versions 1 and 2. This zod schema is the single source of truth:
 * TypeScript types are inferred from it and `guides/guide.schema.json` is
 * generated from it (`npm run schema`).
 *
 * Structural rules that span several fields (unique ids, branches that point at
 * existing steps, no unreachable step) live in `validate.ts`.
 */

/**
 * The format new guides are written in. Format 2 adds `theme`, `sources`, the
 * `documented` status and items of kind `guide`; a format-1 file parses exactly
 * as before, and one that uses a format-2 field is told to declare format 2
 * (`validate.ts`).
 */
export const GUIDE_FORMAT = 2;
export const GUIDE_FORMATS = [1, 2] as const;
export type GuideFormat = (typeof GUIDE_FORMATS)[number];

import { cleanGuideText } from './clean-text';
import { LIMITS } from './limits';

export { LIMITS };

/** A text the person reads: cleaned of what shows nothing (`clean-text.ts`), then trimmed, never empty. */
const text = (max: number) => z.string().overwrite(cleanGuideText).trim().min(1).max(max);

/** A step, question or end id: a short slug used by branches. */
export const stepIdSchema = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(/^[a-z0-9][a-z0-9-]*$/);

/**
 * A site the guide runs on, as a WebExtension match pattern
 * (`https://www.impots.gouv.fr/*`, `https://*.ameli.fr/*`).
 */
export const sitePatternSchema = z
  .string()
  .max(300)
  .regex(/^(https?|\*):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(:\d+)?\/.*$/);

/**
 * A page of a site: a pattern matched against the URL's path and query
 * (`/espace-particulier/*`, `/login?step=2`); `*` stands for any run of characters.
 */
export const pagePatternSchema = z.string().min(1).max(500).regex(/^\//);

export const ACTIONS = ['click', 'fill', 'choose', 'check', 'pick-file', 'read', 'go-to-page'] as const;
export const actionSchema = z.enum(ACTIONS);
export type Action = z.infer<typeof actionSchema>;

/**
 * How a step counts as done:
 * - `action`: the person did the expected action on the target (default when there is a target);
 * - `page`: the person arrived on the page given by `page` (default for `go-to-page`);
 * - `manual`: only the "C'est fait" button (default for `read`).
 */
export const DONE_WHEN = ['action', 'page', 'manual'] as const;
export const doneWhenSchema = z.enum(DONE_WHEN);

export const actionStepSchema = z
  .object({
    kind: z.literal('step'),
    id: stepIdSchema,
    /** The page where this step happens. Omitted: any page of the guide's sites. */
    page: pagePatternSchema.optional(),
    action: actionSchema,
    /** What to look for. Required for click, fill, choose, check and pick-file. */
    target: targetSchema.optional(),
    instruction: text(LIMITS.instruction),
    why: text(LIMITS.why).optional(),
    advisorTip: text(LIMITS.advisorTip).optional(),
    /** Password, numéro fiscal, NIR, bank details: the person types it alone, nothing is kept. */
    sensitive: z.boolean().default(false),
    doneWhen: doneWhenSchema.optional(),
    /** For `doneWhen: page` (and `go-to-page`): the page that, when reached, completes the step. */
    donePage: pagePatternSchema.optional(),
    /** The next step's id. Omitted: the following item of `steps`. */
    next: stepIdSchema.optional(),
  })
  .strict();

export const choiceSchema = z
  .object({
    label: text(LIMITS.choiceLabel),
    next: stepIdSchema,
  })
  .strict();

export const questionSchema = z
  .object({
    kind: z.literal('question'),
    id: stepIdSchema,
    question: text(LIMITS.question),
    why: text(LIMITS.why).optional(),
    advisorTip: text(LIMITS.advisorTip).optional(),
    choices: z.array(choiceSchema).min(2).max(LIMITS.choices),
  })
  .strict();

export const endSchema = z
  .object({
    kind: z.literal('end'),
    id: stepIdSchema,
    /** Shown with the recap, e.g. "Votre compte est créé." */
    message: text(LIMITS.instruction).optional(),
  })
  .strict();

/**
 * A step that runs another guide (by id) and comes back: « Connectez-vous avec
 * FranceConnect » plays the whole FranceConnect guide, then the run goes on at
 * `next`. The inner guide must be installed (checked where the catalogue is
 * known: the build and the import) and guides may not call each other in a
 * circle (`validate.ts`, `catalogue.ts`). Format 2.
 */
export const innerGuideStepSchema = z
  .object({
    kind: z.literal('guide'),
    id: stepIdSchema,
    /** The id of the guide to run, e.g. `franceconnect-se-connecter`. */
    guide: stepIdSchema,
    instruction: text(LIMITS.instruction),
    why: text(LIMITS.why).optional(),
    advisorTip: text(LIMITS.advisorTip).optional(),
    /** The next item's id once the inner guide is over. Omitted: the following item of `steps`. */
    next: stepIdSchema.optional(),
  })
  .strict();

export const guideItemSchema = z.discriminatedUnion('kind', [actionStepSchema, questionSchema, endSchema, innerGuideStepSchema]);

/** Themes group the guides in the popup. Format 2. */
export const THEMES = ['impots', 'sante', 'famille', 'emploi', 'identite', 'compte'] as const;
export const themeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof themeSchema>;

/** Where the steps come from: an official help page, seen on a date. Format 2. */
export const sourceSchema = z
  .object({
    title: text(LIMITS.sourceTitle),
    /** An `https://` address. */
    url: z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(LIMITS.sourceUrl),
    /** When the page was read, `YYYY-MM-DD`. */
    seen: z.iso.date(),
  })
  .strict();

export const prepareItemSchema = z
  .object({
    label: text(LIMITS.prepareLabel),
    hint: text(LIMITS.prepareHint).optional(),
    /** The item is a secret or personal identifier (password, numéro fiscal…). */
    sensitive: z.boolean().default(false),
  })
  .strict();

export const statusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('draft') }).strict(),
  z
    .object({
      state: z.literal('verified'),
      /** What the guide was checked against: site and version, e.g. "DSFR 1.14.4". */
      against: text(200),
      /** The date of the check, `YYYY-MM-DD`. */
      on: z.iso.date(),
    })
    .strict(),
  z
    .object({
      /** Written from official help pages, not yet walked on the live site. Format 2. */
      state: z.literal('documented'),
      /** The date of the help pages it was written from, `YYYY-MM-DD`. */
      on: z.iso.date(),
    })
    .strict(),
]);

export const guideSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(GUIDE_FORMATS),
    id: stepIdSchema,
    /** The guide's own version, `MAJOR.MINOR.PATCH`. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** Language of the guide's texts (BCP 47), e.g. `fr`. */
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/),
    title: text(LIMITS.title),
    summary: text(LIMITS.summary),
    status: statusSchema,
    /** The theme the popup groups it under. Format 2. */
    theme: themeSchema.optional(),
    /** Where the steps come from. Format 2. */
    sources: z.array(sourceSchema).max(LIMITS.sources).default([]),
    sites: z.array(sitePatternSchema).min(1).max(LIMITS.sites),
    prepare: z.array(prepareItemSchema).max(LIMITS.prepare).default([]),
    /** Estimated duration in minutes. */
    durationMinutes: z.number().int().min(1).max(600),
    steps: z.array(guideItemSchema).min(1).max(LIMITS.steps),
  })
  .strict();

export type Guide = z.infer<typeof guideSchema>;
export type GuideInput = z.input<typeof guideSchema>;
export type GuideItem = z.infer<typeof guideItemSchema>;
export type ActionStep = z.infer<typeof actionStepSchema>;
export type Question = z.infer<typeof questionSchema>;
export type GuideEnd = z.infer<typeof endSchema>;
export type InnerGuideStep = z.infer<typeof innerGuideStepSchema>;
export type GuideSource = z.infer<typeof sourceSchema>;
export type GuideStatus = z.infer<typeof statusSchema>;
export type PrepareItem = z.infer<typeof prepareItemSchema>;

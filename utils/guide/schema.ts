import { z } from 'zod';
import { targetSchema } from '../locate/target';

/**
 * The guide format, version 1. This zod schema is the single source of truth:
 * TypeScript types are inferred from it and `guides/guide.schema.json` is
 * generated from it (`npm run schema`).
 *
 * Structural rules that span several fields (unique ids, branches that point at
 * existing steps, no unreachable step) live in `validate.ts`.
 */

export const GUIDE_FORMAT = 1;

import { LIMITS } from './limits';

export { LIMITS };

const text = (max: number) => z.string().trim().min(1).max(max);

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

export const guideItemSchema = z.discriminatedUnion('kind', [actionStepSchema, questionSchema, endSchema]);

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
]);

export const guideSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(GUIDE_FORMAT),
    id: stepIdSchema,
    /** The guide's own version, `MAJOR.MINOR.PATCH`. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** Language of the guide's texts (BCP 47), e.g. `fr`. */
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/),
    title: text(LIMITS.title),
    summary: text(LIMITS.summary),
    status: statusSchema,
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
export type PrepareItem = z.infer<typeof prepareItemSchema>;

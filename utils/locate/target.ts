import { z } from 'zod';

/**
 * A target description: independent facts about one element of a page,
 * captured by `describe()` and stored in a guide step. None of them is a value
 * typed by the person. Every fact is optional except the tag, so that an older
 * or hand-written description stays valid; `locate()` scores what is there.
 */
const fact = (max: number) => z.string().min(1).max(max);

/** Facts that the recorder may leave out because they could hold someone's data (see `withheld`). */
export const WITHHOLDABLE_FACTS = [
  'name',
  'label',
  'text',
  'placeholder',
  'href',
  'choiceValue',
  'testId',
  'controls',
  'id',
  'nameAttr',
  'autocomplete',
  'classes',
  'context',
  'neighbourText',
  'cssPath',
  'section',
  'around',
  'framePath',
] as const;
export type WithholdableFact = (typeof WITHHOLDABLE_FACTS)[number];

export const targetSchema = z
  .object({
    /** Lower-case tag name: `input`, `button`, `a`, `select`… */
    tag: fact(40).regex(/^[a-z][a-z0-9-]*$/),
    /** ARIA role, explicit or implicit (`button`, `textbox`, `radio`, `link`…). */
    role: fact(40).optional(),
    /** Accessible name (dom-accessibility-api). */
    name: fact(300).optional(),
    /** Text of the associated `<label>` (without hint text when it can be told apart). */
    label: fact(300).optional(),
    /** The `name` attribute of a form control. */
    nameAttr: fact(200).optional(),
    /** The `type` attribute (`email`, `password`, `radio`, `submit`…). */
    type: fact(40).optional(),
    autocomplete: fact(100).optional(),
    placeholder: fact(300).optional(),
    /** Visible text content, whitespace collapsed (buttons, links, texts). */
    text: fact(300).optional(),
    /** Path (and query keys' shape) of a link's `href`, never its origin-specific tokens. */
    href: fact(500).optional(),
    /** The value attribute of a radio, checkbox or option: set by the page, never typed by the person. */
    choiceValue: fact(200).optional(),
    /** `data-testid`, `data-test`, `data-cy`, `data-qa`… as `attribute=value`. */
    testId: fact(200).optional(),
    /** The ids it controls (`aria-controls`), only when none looks generated: the dialog or panel it opens. */
    controls: fact(200).optional(),
    id: fact(200).optional(),
    /** True when the id looks generated (trailing counter, hash): a weak fact then. */
    idGenerated: z.boolean().optional(),
    classes: z.array(fact(100)).max(30).optional(),
    /** Nearest legend, fieldset or heading text: where the element sits. */
    context: fact(300).optional(),
    /** Text of the nearest neighbours (previous/next sibling text). */
    neighbourText: fact(300).optional(),
    /** A CSS path (@medv/finder) captured when the target was recorded. */
    cssPath: fact(1000).optional(),
    /**
     * Position among identical-looking elements (same facts, e.g. two "Mention CNIL" checkboxes),
     * in document order, and how many there were. Only used when the count is still the same.
     */
    twin: z
      .object({ index: z.number().int().min(0).max(199), count: z.number().int().min(2).max(200) })
      .strict()
      .optional(),
    /**
     * The section the element sits in: text of the heading of its block (the closest heading before
     * it that is not inside another component), its rank among the elements of the same tag, role
     * and type under that heading, and how many there were. Tells apart twins of different examples,
     * and lets a label reworded in the very same slot be recognised (only when nothing contradicts).
     */
    section: z
      .object({ heading: fact(300), index: z.number().int().min(0).max(999), count: z.number().int().min(1).max(1000) })
      .strict()
      .optional(),
    /**
     * How many elements of the page matched on identity facts alone (tag, role, type, name, label,
     * text, name attribute, href…, leaving out context, neighbours and paths), the target included.
     * 1: it was unique, so a reworded context does not make it doubtful; fewer than recorded: the
     * target may be the one that is gone, and a lookalike is not returned.
     */
    alike: z.number().int().min(1).max(1000).optional(),
    /**
     * Modifier classes (`block--modifier`) of the element's two nearest ancestors: the variant of the
     * component it sits in (`fr-toggle--label-left`). Tells variants apart when their headings lose
     * the words that named them.
     */
    around: z.array(fact(100)).max(10).optional(),
    /** Chain of same-origin iframe CSS paths from the top document, outermost first. */
    framePath: z.array(fact(1000)).max(5).optional(),
    /**
     * Facts the recorder left out or shortened because they looked like someone's data (a name, a
     * number, an address, something typed earlier): the editor says so. Never their content.
     */
    withheld: z.array(z.enum(WITHHOLDABLE_FACTS)).max(WITHHOLDABLE_FACTS.length).optional(),
  })
  .strict();

export type TargetDescription = z.infer<typeof targetSchema>;

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, DONE_WHEN, formatProblems, LIMITS, parseGuideText } from '../../../utils/guide';
import {
  actionStepSchema,
  choiceSchema,
  endSchema,
  guideSchema,
  innerGuideStepSchema,
  prepareItemSchema,
  questionSchema,
  sourceSchema,
  THEMES,
} from '../../../utils/guide/schema';
import { targetSchema } from '../../../utils/locate/target';
import { ROOT } from './fixtures';

const DOC = readFileSync(join(ROOT, 'docs/guide-format.md'), 'utf8');

/** The ```json blocks of the doc (fragments use ```jsonc or ```text). */
function jsonBlocks(): string[] {
  return [...DOC.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((match) => match[1] as string);
}

describe('docs/guide-format.md', () => {
  it('has a complete example guide, and it is valid', () => {
    const blocks = jsonBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    for (const block of blocks) {
      const result = parseGuideText(block, 'docs/guide-format.md');
      expect(result.ok ? 'valide' : formatProblems(result.problems)).toBe('valide');
    }
  });

  it('the example uses every kind of item and a branch', () => {
    const result = parseGuideText(jsonBlocks()[0] as string);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    const kinds = new Set(result.guide.steps.map((item) => item.kind));
    expect([...kinds].sort()).toEqual(['end', 'question', 'step']);
    expect(result.guide.steps.some((item) => item.kind === 'step' && item.sensitive)).toBe(true);
  });

  it('documents every field of the format and of the target', () => {
    const fields = new Set(
      [
        guideSchema,
        actionStepSchema,
        questionSchema,
        endSchema,
        innerGuideStepSchema,
        choiceSchema,
        prepareItemSchema,
        sourceSchema,
        targetSchema,
      ].flatMap((schema) => Object.keys(schema.shape)),
    );
    for (const extra of ['state', 'against', 'on', 'documented', 'guide', ...THEMES]) fields.add(extra);
    const undocumented = [...fields].filter((field) => !DOC.includes(`\`${field}\``));
    expect(undocumented).toEqual([]);
  });

  it('has a format-2 example that uses each addition', () => {
    const format2 = jsonBlocks()
      .map((block) => parseGuideText(block))
      .flatMap((result) => (result.ok && result.guide.format === 2 ? [result.guide] : []));
    expect(format2.length).toBeGreaterThanOrEqual(1);
    const guide = format2[0]!;
    expect(guide.theme).toBeDefined();
    expect(guide.sources.length).toBeGreaterThan(0);
    expect(guide.status.state).toBe('documented');
    expect(guide.steps.some((item) => item.kind === 'guide')).toBe(true);
  });

  it('documents every action and every doneWhen value', () => {
    for (const value of [...ACTIONS, ...DONE_WHEN]) expect(DOC).toContain(`\`${value}\``);
  });

  it('states the length limits the schema enforces', () => {
    const rows: [string, number][] = [
      ['title', LIMITS.title],
      ['summary', LIMITS.summary],
      ['instruction', LIMITS.instruction],
      ['why', LIMITS.why],
      ['advisorTip', LIMITS.advisorTip],
      ['question', LIMITS.question],
    ];
    for (const [field, max] of rows) {
      const row = DOC.split('\n').find((line) => line.startsWith(`| \`${field}\``));
      expect(row, field).toContain(`${max} au plus`);
    }
  });
});

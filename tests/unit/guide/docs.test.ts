import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, DONE_WHEN, formatProblems, LIMITS, parseGuideText } from '../../../utils/guide';
import { actionStepSchema, choiceSchema, endSchema, guideSchema, prepareItemSchema, questionSchema } from '../../../utils/guide/schema';
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
      [guideSchema, actionStepSchema, questionSchema, endSchema, choiceSchema, prepareItemSchema, targetSchema].flatMap((schema) =>
        Object.keys(schema.shape),
      ),
    );
    for (const extra of ['state', 'against', 'on']) fields.add(extra);
    const undocumented = [...fields].filter((field) => !DOC.includes(`\`${field}\``));
    expect(undocumented).toEqual([]);
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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, LIMITS } from '../../../utils/guide';
import { buildGuideJsonSchema, GUIDE_SCHEMA_ID } from '../../../utils/guide/json-schema';
import { GUIDES_DIR } from './fixtures';

describe('guides/guide.schema.json', () => {
  const committed = JSON.parse(readFileSync(join(GUIDES_DIR, 'guide.schema.json'), 'utf8'));

  it('is the one generated from the zod schema (else run: npx tsx scripts/gen-guide-schema.ts)', () => {
    expect(committed).toEqual(buildGuideJsonSchema());
  });

  it('carries an id, a title and the limits of the format', () => {
    expect(committed.$id).toBe(GUIDE_SCHEMA_ID);
    expect(committed.title).toContain('Côte à côte');
    const step = committed.properties.steps.items.oneOf.find((option: any) => option.properties.kind.const === 'step');
    expect(step.properties.action.enum).toEqual([...ACTIONS]);
    expect(step.properties.instruction.maxLength).toBe(LIMITS.instruction);
    expect(step.additionalProperties).toBe(false);
    // Input side: fields with a default are optional for the person writing a guide.
    expect(step.required).not.toContain('sensitive');
    expect(committed.required).not.toContain('prepare');
  });

  it('describes every field in French for editors', () => {
    const missing: string[] = [];
    const walk = (node: any, path: string): void => {
      if (!node || typeof node !== 'object') return;
      for (const [key, child] of Object.entries<any>(node.properties ?? {})) {
        if (!child.description) missing.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      if (node.items) walk(node.items, `${path}[]`);
      for (const option of node.oneOf ?? []) walk(option, path);
    };
    walk(committed, '');
    expect(missing).toEqual([]);
  });
});

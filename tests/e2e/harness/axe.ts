// axe-core's WCAG checks run in a page of the browser, and its findings in words for a failure's message.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: unknown[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules) in `page`, on `include` (a selector
 * list; shadow-piercing arrays allowed) or on the whole document. The source is
 * evaluated by the driver, so that extension pages' CSP does not block it.
 */
export async function axeViolations(page: Page, include?: unknown[]): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (context) => {
    type Axe = {
      run(
        context: unknown,
        options: unknown,
      ): Promise<{
        violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[];
      }>;
    };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const result = await axe.run(context ? { include: context } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
  }, include ?? null);
}

/** Violations in a readable form for the failure message. */
export const readable = (violations: AxeViolation[]): string[] =>
  violations.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${JSON.stringify(v.targets)}`);

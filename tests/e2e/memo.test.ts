import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Guide } from '../../utils/guide/schema';
import { extensionSuite, messagesOf, PRACTICE_GUIDE_ID, practiceGuide, type Translate, WAIT_MS } from './harness';

/**
 * The memo sheet of the practice guide, printed to PDF by Chromium on A4, and
 * its text read back with poppler's pdftotext (Debian package poppler-utils):
 * what is on paper, page by page — not what the DOM holds.
 */
const POPPLER = ['/usr/bin/pdftotext', '/usr/bin/pdfinfo'];

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the memo sheet printed by Chromium on A4', () => {
  const suite = extensionSuite('chromium');
  let page: Page;
  let dir: string;
  let pdf: string;
  let pages: string[];
  let t: Translate;
  const guide: Guide = practiceGuide();

  beforeAll(async () => {
    const missing = POPPLER.filter((tool) => !existsSync(tool));
    if (missing.length > 0) throw new Error(`Il manque ${missing.join(', ')} : installez le paquet Debian poppler-utils.`);
    page = await suite.ext.openExtensionPage(`memo.html?guide=${PRACTICE_GUIDE_ID}`);
    await page.waitForSelector('.memo h1', { timeout: WAIT_MS });
    t = await messagesOf(page);
    dir = mkdtempSync(join(tmpdir(), 'cac-memo-'));
    pdf = join(dir, 'fiche-memo.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    pages = Array.from({ length: count }, (_, i) =>
      flat(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })),
    );
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is on A4 paper', () => {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    // A4 is 210 × 297 mm: 595.3 × 841.9 pt.
    expect(Number(width)).toBeCloseTo(595.3, -1);
    expect(Number(height)).toBeCloseTo(841.9, -1);
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });

  it('has the title, what to have at hand, and every item of the guide, numbered, each whole on one page', () => {
    const all = pages.join(' ');
    expect(all).toContain(flat(guide.title));
    expect(all).toContain(t('memo.prepare'));
    for (const item of guide.prepare) expect(all).toContain(flat(item.label));
    guide.steps.forEach((item, index) => {
      const n = index + 1;
      const line = flat(
        item.kind === 'step' || item.kind === 'guide'
          ? `${n}. ${item.instruction}`
          : item.kind === 'question'
            ? `${n}. ${t('memo.question')} — ${item.question}`
            : `${n}. ${t('memo.end')} ${item.message ?? ''}`,
      );
      // Rather one page than a step cut in two by a page break: the whole line is on exactly one page.
      expect(
        pages.filter((content) => content.includes(line)),
        `item ${n} (${item.id}) whole on one page: ${line}`,
      ).toHaveLength(1);
    });
  });

  it('says where each answer of a question leads', () => {
    const all = pages.join(' ');
    const numberOf = (id: string) => guide.steps.findIndex((item) => item.id === id) + 1;
    for (const item of guide.steps) {
      if (item.kind !== 'question') continue;
      for (const choice of item.choices) expect(all).toContain(flat(t('memo.choice', [choice.label, String(numberOf(choice.next))])));
    }
  });

  it('marks the sensitive step in words, on the page of that step', () => {
    const sensitive = guide.steps.filter((item) => item.kind === 'step' && item.sensitive);
    expect(sensitive.length).toBeGreaterThan(0);
    for (const item of sensitive) {
      if (item.kind !== 'step') continue;
      const content = pages.find((text) => text.includes(flat(item.instruction)));
      expect(content).toContain(`${t('memo.sensitive')} ${t('memo.sensitiveNote')}`);
    }
  });

  it('has room for notes, and no button or hint of the screen', () => {
    const all = pages.join(' ');
    expect(all).toContain(t('memo.notes'));
    expect(all).toContain(t('memo.notesHint'));
    expect(all).not.toContain(t('memo.printHint'));
    expect(all).toContain(flat(t('memo.footer', [guide.title, guide.version])));
  });

  it('prints the steps in large type (18 pt or more) and hides the toolbar', async () => {
    await page.emulateMediaType('print');
    const printed = await page.evaluate(() => ({
      text: Math.min(...[...document.querySelectorAll('.memo-line .text')].map((el) => Number.parseFloat(getComputedStyle(el).fontSize))),
      toolbar: getComputedStyle(document.querySelector('.memo-toolbar') as Element).display,
      // The page check above can only catch a split where this guide happens to cross a page: the rule itself, for any guide.
      unbreakable: [...document.querySelectorAll('.memo-lines > li')].every((li) => getComputedStyle(li).breakInside === 'avoid'),
    }));
    await page.emulateMediaType();
    // 18 pt = 24 CSS px.
    expect(printed.text).toBeGreaterThanOrEqual(24);
    expect(printed.toolbar).toBe('none');
    expect(printed.unbreakable).toBe(true);
  });
});

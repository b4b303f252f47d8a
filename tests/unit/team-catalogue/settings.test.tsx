/** « Catalogues d'équipe » on the settings page, over the real background with the team's host in the test's hands. */
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TeamCatalogues } from '../../../components/settings/TeamCatalogues';
import type { TeamCataloguePlatform } from '../../../utils/team-catalogue/service';
import type { CatalogueSource } from '../../../utils/team-catalogue/verify';
import { click, installFrench, mount, TestBackground, unmount, waitFor } from '../popup/harness';
import { practiceGuide } from '../run/practice-guide';
import { corrupt, guideFile, keys, memorySource, publish } from './fixtures';

const ADDRESS = 'https://equipe.example/guides';

class Host implements TeamCataloguePlatform {
  files = new Map<string, Uint8Array>();
  reads: string[] = [];
  source(): CatalogueSource {
    return memorySource(this.files, this.reads);
  }
  async removeOrigins() {}
  requiredOrigins() {
    return [];
  }
}

let container: HTMLElement | undefined;
let host: Host;
let asked: string[][];
let allow = true;

beforeEach(async () => {
  fakeBrowser.reset();
  await installFrench();
  host = new Host();
  asked = [];
  allow = true;
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation((async (request: { origins: string[] }) => {
    asked.push(request.origins);
    return allow;
  }) as never);
  new TestBackground([practiceGuide], { teamPlatform: host }).install();
});

afterEach(async () => {
  if (container) await unmount(container);
  container = undefined;
  vi.restoreAllMocks();
});

const $ = <T extends Element = HTMLElement>(selector: string) => container?.querySelector<T>(selector) ?? null;
const said = () => [...(container?.querySelectorAll('.status, [role=alert]') ?? [])].map((el) => el.textContent).join(' ');

async function type(selector: string, value: string) {
  const field = $<HTMLInputElement>(selector);
  if (!field) throw new Error(`no ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

async function checkCatalogue() {
  container = await mount(<TeamCatalogues />);
  await waitFor(() => $('.empty'), 'the empty list');
  await type('#catalogue-address', ADDRESS);
  await type('#catalogue-key', keys.publicKey);
  await click($('.add-catalogue button[type=submit]'));
}

describe('« Catalogues d’équipe »', () => {
  it('asks for that host only, shows what the catalogue brings, then adds it', async () => {
    host.files = await publish(1, [guideFile('impots-declarer', (g) => (g.title = 'Déclarer ses revenus'))]);
    await checkCatalogue();
    const heading = await waitFor(() => $('#catalogue-preview-title'), 'the preview');
    expect(asked).toEqual([['https://equipe.example/*']]);
    expect(heading.textContent).toBe('Catalogue « France Services de Tulle »');
    expect($('.catalogue-preview')?.textContent).toContain('Déclarer ses revenus');
    expect($('.catalogue-preview')?.textContent).toContain('https://www.exemple.gouv.fr/*');
    await click($('.catalogue-preview button.add'));
    await waitFor(() => $('li.catalogue'), 'the catalogue added');
    expect(asked[1]).toEqual(['https://www.exemple.gouv.fr/*']);
    expect(said()).toContain('Le catalogue « France Services de Tulle » est ajouté.');
    expect($('li.catalogue')?.textContent).toContain('Publié par Marie, formatrice · version 1 du 1 décembre 2026');
  });

  it('downloads nothing when the host permission is refused', async () => {
    host.files = await publish(1);
    allow = false;
    await checkCatalogue();
    await waitFor(() => said().includes('Sans l’autorisation') || said().includes("Sans l'autorisation"), 'the refusal');
    expect(host.reads).toEqual([]);
    expect($('.catalogue-preview')).toBeNull();
  });

  it('says a refused update in words, naming the catalogue, and keeps the installed one; no axe violation', async () => {
    host.files = await publish(1);
    await checkCatalogue();
    await waitFor(() => $('.catalogue-preview button.add'), 'the preview');
    await click($('.catalogue-preview button.add'));
    await waitFor(() => $('li.catalogue'), 'the catalogue added');
    host.files = corrupt(await publish(2, [guideFile('essai', (g) => (g.summary = 'Autre.'))]), 'guides/essai.json', 40);
    await click($('li.catalogue button.update'));
    const alert = await waitFor(() => $('[role=alert]'), 'the alert');
    expect(alert.textContent).toContain(
      'Catalogue France Services de Tulle : le fichier guides/essai.json a été modifié depuis sa publication. Il est refusé.',
    );
    expect(alert.textContent).toContain("Rien n'a changé : les guides déjà installés restent.");
    await waitFor(() => $('li.catalogue .refused'), 'the last check noted');
    expect($('li.catalogue')?.textContent).toContain('version 1');
    const results = await axe.run(container as HTMLElement, { rules: { region: { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });
});

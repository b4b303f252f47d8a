/** The guide's sites: the addresses it runs on, which the extension asks permission for when the guide is saved. */
import { i18n } from '#i18n';
import { addSite, removeSite, setSite, type WorkingCopy } from '../../utils/editor';
import { LIMITS } from '../../utils/guide/schema';
import { BlockProblems, Section, TextField } from './fields';
import type { Session } from './session';

export function SitesSection({ copy, apply }: { copy: WorkingCopy; apply: Session['apply'] }) {
  const sites = copy.guide.sites;
  return (
    <Section id="sites" title={i18n.t('editor.sites.title')}>
      <p class="hint">{i18n.t('editor.sites.hint')}</p>
      <BlockProblems field="sites" />
      <ul class="plain sites-list">
        {sites.map((site, i) => {
          const name = i18n.t('editor.sites.name', [String(i + 1)]);
          return (
            <li key={i} class="row">
              <TextField
                field={`sites[${i}]`}
                label={name}
                value={site}
                spellcheck={false}
                onInput={(value) => apply((c) => setSite(c, i, value), i18n.t('editor.change.editGuide', [name]), `site|${i}`)}
              />
              <button
                type="button"
                class="secondary remove-site"
                aria-label={i18n.t('editor.sites.removeLabel', [String(i + 1)])}
                onClick={() => apply((c) => removeSite(c, i), i18n.t('editor.change.removeSite', [String(i + 1)]))}
              >
                {i18n.t('editor.sites.remove')}
              </button>
            </li>
          );
        })}
      </ul>
      <div class="actions">
        <button
          type="button"
          class="secondary add-site"
          disabled={sites.length >= LIMITS.sites}
          onClick={() => apply((c) => addSite(c), i18n.t('editor.change.addSite'))}
        >
          {i18n.t('editor.sites.add')}
        </button>
      </div>
    </Section>
  );
}

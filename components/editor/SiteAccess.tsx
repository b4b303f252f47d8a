/**
 * The sites of a saved guide, asked for one at a time: each shown in words (which host, its
 * subdomains or not, which pages, unencrypted or not) with its own « Autoriser ce site » button, so
 * that the trainer grants exactly the sites they read — never a list of patterns at once.
 */
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { siteInWords } from '../../utils/catalogue/sites';
import { hasSite, requestSites, type SitesAnswer } from './platform';

type SiteState = 'unknown' | 'allowed' | 'not-allowed' | SitesAnswer;

export function siteWords(site: string): string {
  const words = siteInWords(site);
  if (!words) return site;
  const where = i18n.t(words.subdomains ? 'editor.siteAccess.subdomains' : 'editor.siteAccess.host', [words.host]);
  const pages = words.pages === null ? i18n.t('editor.siteAccess.everyPage') : i18n.t('editor.siteAccess.pages', [words.pages]);
  return [`${where}, ${pages}`, ...(words.unencrypted ? [i18n.t('editor.siteAccess.unencrypted')] : [])].join(' — ');
}

export function SiteAccess({ sites }: { sites: readonly string[] }) {
  const [states, setStates] = useState<Record<string, SiteState>>({});
  useEffect(() => {
    let live = true;
    void Promise.all(sites.map(async (site) => [site, await hasSite(site)] as const)).then((answers) => {
      if (!live) return;
      setStates(Object.fromEntries(answers.map(([site, has]) => [site, has === null ? 'unknown' : has ? 'allowed' : 'not-allowed'])));
    });
    return () => {
      live = false;
    };
  }, [sites]);

  /** The click is the user gesture: the request is made before anything is awaited. */
  function allow(site: string) {
    void requestSites([site]).then((answer) => setStates((now) => ({ ...now, [site]: answer === 'granted' ? 'allowed' : answer })));
  }

  return (
    <section class="site-access" aria-labelledby="site-access-title">
      <h4 id="site-access-title">{i18n.t('editor.siteAccess.title')}</h4>
      <p>{i18n.t('editor.siteAccess.intro')}</p>
      <ul>
        {sites.map((site) => {
          const state = states[site] ?? 'unknown';
          const words = siteWords(site);
          return (
            <li key={site} data-site={site}>
              <span class="site-words">{words}</span>{' '}
              {state === 'allowed' ? (
                <span class="site-state allowed">{i18n.t('editor.siteAccess.allowed')}</span>
              ) : (
                <>
                  <span class="site-state" role={state === 'refused' ? 'alert' : undefined}>
                    {state === 'refused'
                      ? i18n.t('editor.siteAccess.refused')
                      : state === 'unavailable'
                        ? i18n.t('editor.siteAccess.unavailable')
                        : i18n.t('editor.siteAccess.notAllowed')}
                  </span>{' '}
                  {state !== 'unavailable' && (
                    <button
                      type="button"
                      class="secondary allow-site"
                      aria-label={i18n.t('editor.siteAccess.allowLabel', [siteInWords(site)?.host ?? site])}
                      onClick={() => allow(site)}
                    >
                      {i18n.t('editor.siteAccess.allow')}
                    </button>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

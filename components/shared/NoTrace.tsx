import { i18n } from '#i18n';
import { EraseTraces } from './EraseTraces';

/** The checklist's items, each with its text; the last one is the button below the list. */
const ITEMS = {
  logout: () => i18n.t('sidepanel.noTrace.logout'),
  password: () => i18n.t('sidepanel.noTrace.password'),
  tabs: () => i18n.t('sidepanel.noTrace.tabs'),
  traces: () => i18n.t('sidepanel.noTrace.traces'),
} as const;

/** "Ne laisser aucune trace": the CNIL's advice for helpers on shared computers, as a checklist, with our own traces last. */
export function NoTrace({ idPrefix }: { idPrefix: string }) {
  return (
    <section class="no-trace" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{i18n.t('sidepanel.noTrace.title')}</h2>
      <p>{i18n.t('sidepanel.noTrace.intro')}</p>
      <ul class="checklist">
        {Object.entries(ITEMS).map(([item, text]) => (
          <li key={item}>
            <input type="checkbox" id={`${idPrefix}-${item}`} />
            <label for={`${idPrefix}-${item}`}>{text()}</label>
          </li>
        ))}
      </ul>
      <EraseTraces />
    </section>
  );
}

import { i18n } from '#i18n';

const ITEMS = ['logout', 'password', 'tabs'] as const;

/** "Ne laisser aucune trace": the CNIL's advice for helpers on shared computers, as a checklist. */
export function NoTrace({ idPrefix }: { idPrefix: string }) {
  const text = (item: (typeof ITEMS)[number]) =>
    item === 'logout'
      ? i18n.t('sidepanel.noTrace.logout')
      : item === 'password'
        ? i18n.t('sidepanel.noTrace.password')
        : i18n.t('sidepanel.noTrace.tabs');
  return (
    <section class="no-trace" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>{i18n.t('sidepanel.noTrace.title')}</h2>
      <p>{i18n.t('sidepanel.noTrace.intro')}</p>
      <ul class="checklist">
        {ITEMS.map((item) => (
          <li key={item}>
            <input type="checkbox" id={`${idPrefix}-${item}`} />
            <label for={`${idPrefix}-${item}`}>{text(item)}</label>
          </li>
        ))}
      </ul>
    </section>
  );
}

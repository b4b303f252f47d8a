import { i18n } from '#i18n';
import type { PrepareItem } from '../../utils/guide/schema';

export interface PrepareListProps {
  items: PrepareItem[];
  /** The guide's language: the labels are its texts. */
  lang: string;
  /** Makes the checkbox ids unique on the page. */
  idPrefix: string;
}

/**
 * "À avoir sous la main" as a checklist the advisor may tick. Ticking is only
 * a help for the eyes: it is required for nothing and kept nowhere.
 */
export function PrepareList({ items, lang, idPrefix }: PrepareListProps) {
  if (items.length === 0) return <p class="empty">{i18n.t('popup.prepare.none')}</p>;
  const anySensitive = items.some((item) => item.sensitive);
  return (
    <>
      <p class="hint">{i18n.t('popup.prepare.intro')}</p>
      <ul class="checklist prepare">
        {items.map((item, index) => {
          const id = `${idPrefix}-${index}`;
          return (
            <li key={id} class={item.sensitive ? 'sensitive' : undefined}>
              <input type="checkbox" id={id} aria-describedby={item.hint ? `${id}-hint` : undefined} />
              <label for={id}>
                <span lang={lang}>{item.label}</span>
                {item.sensitive && <span class="badge sensitive-badge">{i18n.t('popup.prepare.sensitive')}</span>}
              </label>
              {item.hint && (
                <p class="hint" id={`${id}-hint`} lang={lang}>
                  {item.hint}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {anySensitive && <p class="note">{i18n.t('popup.prepare.sensitiveNote')}</p>}
    </>
  );
}

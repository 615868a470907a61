import { t } from '../platform/i18n.ts';

/** What the popup shows with no accounts: how to add the first. */
export function EmptyState({ onAdd }: { readonly onAdd: () => void }) {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('emptyTitle')}</h2>
      <p>{t('emptyBody')}</p>
      <button type="button" class="primary" onClick={onAdd}>
        {t('emptyAction')}
      </button>
    </section>
  );
}

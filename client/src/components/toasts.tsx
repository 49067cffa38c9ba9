import { useTranslation } from 'react-i18next';
import { useToastStore } from '../lib/toast-store';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div className="toasts" role="region" aria-label={t('toast.region')}>
      <div role="alert" aria-live="assertive">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast">
            <span>{toast.message}</span>
            <button type="button" className="button button-quiet" aria-label={t('toast.dismiss')} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useCommandQueue } from '../../lib/command-queue';
import { useConnectionStore } from '../../lib/connection-store';

/** Always visible, and spoken when it changes, so nobody keeps typing into a dead connection unaware. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const status = useConnectionStore((s) => s.status);
  const pendingCount = useCommandQueue((s) => s.pending.length);
  return (
    <div className={`connection connection-${status}`} role="status" aria-live="polite" aria-label={t('connection.label')}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-text">{t(`connection.${status}`)}</span>
      {pendingCount > 0 && status !== 'connected' && <span className="connection-pending">{t('connection.pending', { count: pendingCount })}</span>}
    </div>
  );
}

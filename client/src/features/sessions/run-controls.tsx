import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useCommand } from '../../lib/use-command';

/** M2: a planned session is opened once, a running one closed once; each after a question, since neither is undone. */
export function RunControls({ session }: { session: Pick<ModeratedSession, 'id' | 'state' | 'title'> }) {
  const { t } = useTranslation();
  const command = useCommand();
  const [asking, setAsking] = useState(false);
  const starting = session.state === 'planned';
  const prefix = starting ? 'sessions.run.start' : 'sessions.run.end';
  const confirm = () => {
    setAsking(false);
    command.mutate({ type: starting ? 'session.start' : 'session.end', payload: { sessionId: session.id }, done: t(`${prefix}Done`, { title: session.title }) });
  };
  return (
    <div className="form-actions run-controls">
      <button type="button" className={starting ? 'button button-primary' : 'button button-danger'} disabled={command.isPending} onClick={() => setAsking(true)}>
        {t(prefix)}
      </button>
      {asking && (
        <ConfirmDialog title={t(`${prefix}Title`)} confirmLabel={t(prefix)} cancelLabel={t('sessions.cancel')} danger={!starting} onConfirm={confirm} onCancel={() => setAsking(false)}>
          <p>{t(`${prefix}Text`, { title: session.title })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

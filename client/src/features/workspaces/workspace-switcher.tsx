import { useTranslation } from 'react-i18next';
import { navigate } from '../../lib/router';
import { useSession } from '../../lib/session-context';
import { useWorkspaceChoice } from '../../lib/workspace-choice';

/** Only shown to people in more than one workspace. Switching re-mounts the workspace screen (new socket). */
export function WorkspaceSwitcher() {
  const { t } = useTranslation();
  const { me, membership } = useSession();
  const choose = useWorkspaceChoice((s) => s.choose);
  if (me.memberships.length < 2) return null;
  return (
    <div className="workspace-switcher">
      <label htmlFor="workspace-switch" className="visually-hidden">
        {t('workspaces.switch')}
      </label>
      <select
        id="workspace-switch"
        value={membership.workspaceId}
        onChange={(e) => {
          choose(e.target.value);
          navigate('/');
        }}
      >
        {me.memberships.map((m) => (
          <option key={m.workspaceId} value={m.workspaceId}>
            {m.workspaceName}
          </option>
        ))}
      </select>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useLogout } from './auth-api';

export function SignOutButton() {
  const { t } = useTranslation();
  const logoutMutation = useLogout();
  return (
    <button type="button" className="button button-secondary" onClick={() => logoutMutation.mutate()} disabled={logoutMutation.isPending}>
      {t('auth.signOut')}
    </button>
  );
}

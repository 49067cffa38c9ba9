import { useTranslation } from 'react-i18next';
import type { Partner } from '@verbund/shared/model';
import { LanguageSwitch } from '../components/language-switch';
import { PartnerBadge } from '../components/partner-badge';
import { ConnectionStatus } from '../features/connection/connection-status';
import { SignOutButton } from '../features/auth/sign-out-button';
import { useSession } from '../lib/session-context';

type Props = { workspaceName: string; partners: Record<string, Partner> };

export function WorkspaceHeader({ workspaceName, partners }: Props) {
  const { t } = useTranslation();
  const { me, membership } = useSession();
  const partner = partners[membership.partnerId];
  return (
    <header className="app-header">
      <div className="app-header-title">
        <span className="brand">{t('app.name')}</span>
        <h1>{workspaceName || membership.workspaceName}</h1>
      </div>
      <ConnectionStatus />
      <div className="app-header-user">
        <span className="user-name" aria-label={t('auth.signedInAs', { name: me.name, partner: partner?.name ?? '' })}>
          {me.name} <PartnerBadge partners={partners} partnerId={membership.partnerId} />
        </span>
        <LanguageSwitch />
        <SignOutButton />
      </div>
    </header>
  );
}

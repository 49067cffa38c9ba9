import { useTranslation } from 'react-i18next';
import type { Partner } from '@verbund/shared/model';
import { LanguageSwitch } from '../components/language-switch';
import { PartnerBadge } from '../components/partner-badge';
import { ConnectionStatus } from '../features/connection/connection-status';
import { SignOutButton } from '../features/auth/sign-out-button';
import { WaitingBadge } from '../features/votes/waiting-badge';
import { WorkspaceSwitcher } from '../features/workspaces/workspace-switcher';
import { onLinkClick, routePath, type Route } from '../lib/router';
import { useSession } from '../lib/session-context';
import { mayOpen } from './page-access';

type Props = { workspaceName: string; partners: Record<string, Partner>; route: Route };

const PAGES = [
  { route: { name: 'board' }, label: 'nav.board' },
  { route: { name: 'votes' }, label: 'nav.votes' },
  { route: { name: 'decisions' }, label: 'nav.decisions' },
  { route: { name: 'positions' }, label: 'nav.positions' },
  { route: { name: 'sessions' }, label: 'nav.sessions' },
  { route: { name: 'admin' }, label: 'nav.admin' },
  { route: { name: 'audit' }, label: 'nav.audit' },
  { route: { name: 'account' }, label: 'nav.account' },
] as const satisfies readonly { route: Route; label: string }[];

/** The navigation entry a page belongs to: a position belongs to the positions, a session to the sessions. */
const SECTIONS: Partial<Record<Route['name'], Route['name']>> = { position: 'positions', session: 'sessions' };
const sectionOf = (route: Route): Route['name'] => SECTIONS[route.name] ?? route.name;

export function WorkspaceHeader({ workspaceName, partners, route }: Props) {
  const { t } = useTranslation();
  const { me, membership } = useSession();
  const partner = partners[membership.partnerId];
  return (
    <header className="app-header">
      <div className="app-header-title">
        <span className="brand">{t('app.name')}</span>
        <h1>{workspaceName || membership.workspaceName}</h1>
        <WorkspaceSwitcher />
      </div>
      <ConnectionStatus />
      <div className="app-header-user">
        <span className="user-name" aria-label={t('auth.signedInAs', { name: me.name, partner: partner?.name ?? '' })}>
          {me.name} <PartnerBadge partners={partners} partnerId={membership.partnerId} />
        </span>
        <LanguageSwitch />
        <SignOutButton />
      </div>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {PAGES.filter((p) => mayOpen(p.route, membership.abilities)).map((p) => (
            <li key={p.route.name}>
              <a href={routePath(p.route)} onClick={onLinkClick} aria-current={sectionOf(route) === p.route.name ? 'page' : undefined}>
                {t(p.label)}
                {p.route.name === 'votes' && <WaitingBadge />}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../lib/i18n';
import { SessionContext, type Session } from '../lib/session-context';
import { ME, WORKSPACE_ID } from './fixtures';

export const SESSION: Session = {
  me: { id: ME.id, name: 'Anna Beispiel', email: 'anna@example.org', memberships: [] },
  membership: { workspaceId: WORKSPACE_ID, workspaceName: 'Test', partnerId: ME.partnerId, roles: ['member'], abilities: ['board.edit', 'vote.start'] },
};

/** Renders inside the providers a workspace screen has, in German. */
export function renderInWorkspace(ui: ReactElement): RenderResult {
  void i18n.changeLanguage('de');
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <SessionContext.Provider value={SESSION}>{ui}</SessionContext.Provider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}

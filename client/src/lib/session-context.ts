import { createContext, useContext } from 'react';
import type { Me, Membership } from '@verbund/shared/http';

export type Session = { me: Me; membership: Membership };

export const SessionContext = createContext<Session | null>(null);

/** The signed-in person and the workspace they work in; only valid below the workspace screen. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

import { isIP } from 'node:net';
import { verifyPassword } from '../auth/passwords.js';
import type { Storage } from '../storage/port.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo.js';

/** Whether a listen address reaches only this machine. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host.startsWith('::ffff:127.');
}

/**
 * The demo accounts' password is printed in the README: anyone who can reach the server could
 * sign in as the admin. The first account still on it answers the question, so a normal start
 * pays one hash; only after every demo password was changed are all of them checked.
 */
async function demoPasswordInUse(storage: Storage): Promise<string | null> {
  for (const person of DEMO_PEOPLE) {
    const account = await storage.findAccountByEmail(person.email);
    if (account?.passwordHash && (await verifyPassword(DEMO_PASSWORD, account.passwordHash))) return person.email;
  }
  return null;
}

/** A message that stops start-up, or null when listening on `host` is safe (issue 8, item 3). */
export async function publicListenRefusal(storage: Storage, host: string, demoPublic: boolean): Promise<string | null> {
  if (isLoopback(host) || demoPublic) return null;
  const email = await demoPasswordInUse(storage);
  if (!email) return null;
  return [
    `refusing to listen on ${host}: demo accounts with the published password exist (for example ${email}).`,
    'Either start on an empty data directory with SEED_DEMO=false (and invite real people),',
    'or set DEMO_PUBLIC=true for a deliberate public demo, or listen on loopback only (HOST=127.0.0.1, the default).',
  ].join('\n');
}

import type { Ability } from '@verbund/shared/admin';
import type { Route } from '../lib/router';

/** Whether the page is offered to this person at all; the server decides every request anyway. */
export function mayOpen(route: Route, abilities: readonly Ability[]): boolean {
  if (route.name === 'admin') return abilities.includes('workspace.admin') || abilities.includes('deputy.appoint');
  if (route.name === 'audit') return abilities.includes('audit.read');
  return true;
}

import type { Me } from '@verbund/shared/http';
import { abilitiesOf } from '../domain/policy.js';
import type { Account } from '../storage/port.js';
import type { EngineRegistry } from '../sync/engine-registry.js';

/** The signed-in person with every workspace they are an active member of, and what they may do there. */
export async function describeAccount(account: Account, engines: EngineRegistry): Promise<Me> {
  const memberships = (await engines.all()).flatMap((engine) => {
    const actor = engine.actorFor(account.id);
    if (!actor) return [];
    return [{ workspaceId: engine.workspaceId, workspaceName: engine.name, partnerId: actor.partnerId, roles: [...actor.roles], abilities: abilitiesOf(actor) }];
  });
  return { id: account.id, name: account.name, email: account.email, memberships };
}

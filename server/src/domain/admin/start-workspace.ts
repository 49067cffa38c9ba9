import type { NewEvent } from '@verbund/shared/events';

/** Everything a new workspace needs that is not the person's choice: ids and the time, injected. */
export type WorkspaceFounding = { workspaceId: string; partnerId: string; boardId: string; founderId: string; at: string };

/**
 * Rule A5: any signed-in person may start a workspace; it begins with their partner, one board and
 * them as its first member and admin. The domain decides the events; the route only stores them.
 */
export function startWorkspace(body: { name: string; partnerName: string; partnerShortName: string }, founding: WorkspaceFounding): NewEvent[] {
  const { workspaceId, partnerId, boardId, founderId, at } = founding;
  return [
    { type: 'workspace.created', data: { workspaceId, name: body.name } },
    { type: 'partner.added', data: { partner: { id: partnerId, name: body.partnerName, shortName: body.partnerShortName, active: true } } },
    { type: 'board.created', data: { board: { id: boardId, name: 'Initiativen' } } },
    {
      type: 'member.joined',
      data: { member: { personId: founderId, partnerId, roles: ['member', 'admin'], active: true, erased: false, joinedAt: at }, invitationId: null },
    },
  ];
}

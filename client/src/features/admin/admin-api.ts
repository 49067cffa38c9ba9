import { useMutation } from '@tanstack/react-query';
import { createdInvitationSchema } from '@verbund/shared/http';
import type { Role } from '@verbund/shared/model';
import { apiPost } from '../../lib/api';

export type NewInvitation = { partnerId: string; roles: Role[]; expiresInDays: number };

export function createInvitation(workspaceId: string, body: NewInvitation) {
  return apiPost(`/api/workspaces/${workspaceId}/admin/invitations`, body, createdInvitationSchema);
}

export function useCreateInvitation(workspaceId: string) {
  return useMutation({ mutationFn: (body: NewInvitation) => createInvitation(workspaceId, body) });
}

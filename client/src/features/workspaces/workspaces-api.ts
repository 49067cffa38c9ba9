import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createdWorkspaceSchema } from '@verbund/shared/http';
import { apiPost } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';
import { navigate } from '../../lib/router';
import { useWorkspaceChoice } from '../../lib/workspace-choice';

export type NewWorkspace = { name: string; partnerName: string; partnerShortName: string };

/** Creates a workspace (the creator becomes its admin), then switches to it once /me lists it. */
export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewWorkspace) => apiPost('/api/workspaces', body, createdWorkspaceSchema),
    onSuccess: async ({ workspaceId }) => {
      await queryClient.refetchQueries({ queryKey: queryKeys.me });
      useWorkspaceChoice.getState().choose(workspaceId);
      navigate('/');
    },
  });
}

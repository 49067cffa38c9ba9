import type { Role } from '@verbund/shared/model';

/** Who acts: a person of a partner with roles in this workspace. */
export type Actor = { personId: string; partnerId: string; roles: readonly Role[] };

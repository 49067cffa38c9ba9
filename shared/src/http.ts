import { z } from 'zod';
import { idSchema, roleSchema } from './model.js';

/** HTTP API shapes. Every body is parsed with these on the server and every answer on the client. */
export const loginBodySchema = z.strictObject({
  email: z.email().max(320),
  password: z.string().min(1).max(1_000),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const membershipSchema = z.object({
  workspaceId: idSchema,
  workspaceName: z.string(),
  partnerId: idSchema,
  roles: z.array(roleSchema),
});
export type Membership = z.infer<typeof membershipSchema>;

export const meSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  memberships: z.array(membershipSchema),
});
export type Me = z.infer<typeof meSchema>;

export const cardParamsSchema = z.strictObject({ workspaceId: idSchema, cardId: idSchema });
export const workspaceParamsSchema = z.strictObject({ workspaceId: idSchema });

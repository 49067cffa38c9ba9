import { z } from 'zod';
import { abilitySchema, rolesSchema } from './admin.js';
import { idSchema, partnerNameSchema, partnerShortNameSchema, line, roleSchema } from './model.js';
import { contentHashSchema, positionVersionSchema } from './features/positions/positions-feature.js';
import { pmDocSchema, textAuthorsSchema } from './rich-text.js';

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
  abilities: z.array(abilitySchema),
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

export const passwordSchema = z.string().min(10, 'at least 10 characters').max(200);

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(1_000),
  newPassword: passwordSchema,
});

/** Self-service erasure of the whole account (DSGVO Art. 17): the password is asked again. */
export const eraseAccountBodySchema = z.strictObject({ password: z.string().min(1).max(1_000) });

export const sessionInfoSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const securityEventInfoSchema = z.object({
  kind: z.string(),
  address: z.string().nullable(),
  at: z.string(),
});
export type SecurityEventInfo = z.infer<typeof securityEventInfoSchema>;

export const createWorkspaceBodySchema = z.strictObject({
  name: line(200),
  partnerName: partnerNameSchema,
  partnerShortName: partnerShortNameSchema,
});
export type CreateWorkspaceBody = z.infer<typeof createWorkspaceBodySchema>;
export const createdWorkspaceSchema = z.object({ workspaceId: idSchema });
export type CreatedWorkspace = z.infer<typeof createdWorkspaceSchema>;

export const createInvitationBodySchema = z.strictObject({
  partnerId: idSchema,
  roles: rolesSchema,
  expiresInDays: z.number().int().min(1).max(30),
});
export const createdInvitationSchema = z.object({ invitationId: idSchema, token: z.string(), expiresAt: z.string() });
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const invitationInfoSchema = z.object({
  workspaceName: z.string(),
  partnerName: z.string(),
  roles: z.array(roleSchema),
  expiresAt: z.string(),
});
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;

/** A new person gives name, email and password; someone already signed in sends `{}`. */
export const acceptInvitationBodySchema = z.union([
  z.strictObject({ name: line(200), email: z.email().max(320), password: passwordSchema }),
  z.strictObject({}),
]);

export const auditQuerySchema = z.strictObject({
  personId: idSchema.optional(),
  partnerId: idSchema.optional(),
  type: z.string().max(60).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
  format: z.enum(['json', 'csv']).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const chainVerdictSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), checked: z.number() }),
  z.object({ ok: z.literal(false), checked: z.number(), brokenAt: z.number(), reason: z.string() }),
]);
export type ChainVerdictInfo = z.infer<typeof chainVerdictSchema>;

/** Version of the checkpoint file partners keep; pinned by a test, bump it deliberately. */
export const CHECKPOINT_VERSION = 1;
const macSchema = z.string().regex(/^[0-9a-f]{64}$/, '64 lowercase hex characters');

/**
 * A checkpoint (rule S9): the server's signed statement that a workspace's log held event `seq` with
 * `hash` at time `at`. Partners keep it outside the server; shown again later, it proves the log was
 * neither cut back nor rewritten before that point since.
 */
export const auditCheckpointSchema = z.strictObject({
  v: z.literal(CHECKPOINT_VERSION),
  workspaceId: idSchema,
  seq: z.number().int().min(1),
  hash: macSchema,
  at: z.iso.datetime(),
  mac: macSchema,
});
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

/**
 * `truncated`: the log now ends before the checkpoint's event; `diverged`: that event has another hash
 * (history replaced and re-sealed by someone holding the key); `broken`: the chain itself fails (S9).
 */
export const checkpointProblemSchema = z.enum(['truncated', 'diverged', 'broken']);
export type CheckpointProblem = z.infer<typeof checkpointProblemSchema>;

export const checkpointVerdictSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), seq: z.number(), headSeq: z.number() }),
  z.object({ ok: z.literal(false), seq: z.number(), headSeq: z.number(), problem: checkpointProblemSchema, brokenAt: z.number().nullable(), reason: z.string() }),
]);
export type CheckpointVerdict = z.infer<typeof checkpointVerdictSchema>;

/** `/api/health`: public, so it names no internals (those are logged); 503 while storage cannot write. */
export const healthSchema = z.object({ ok: z.boolean(), storage: z.enum(['ok', 'unavailable']) });
export type Health = z.infer<typeof healthSchema>;

export const positionParamsSchema = z.strictObject({ workspaceId: idSchema, positionId: idSchema });

/** A position's export (rules P40–P49): the format, and the language of its labels (the reader's, German unless asked). */
export const EXPORT_FORMATS = ['pdf', 'docx', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_LANGUAGES = ['de', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];
export const positionExportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  lang: z.enum(EXPORT_LANGUAGES).default('de'),
});
export type PositionExportQuery = z.infer<typeof positionExportQuerySchema>;

/**
 * A text and the hash that names it (P8): a named version, or the text as stored now (`version` null);
 * with who wrote it (Y18), null for a version named before authorship was recorded.
 */
export const versionTextSchema = z.object({ version: positionVersionSchema.nullable(), hash: contentHashSchema, content: pmDocSchema, authors: textAuthorsSchema.nullable() });
export type VersionText = z.infer<typeof versionTextSchema>;
export const versionParamsSchema = z.strictObject({ workspaceId: idSchema, positionId: idSchema, versionId: idSchema });

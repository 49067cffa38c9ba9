import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Invitation } from '@verbund/shared/admin';
import { appError, invalidPayload, refusal } from '@verbund/shared/errors';
import { acceptInvitationBodySchema, type InvitationInfo } from '@verbund/shared/http';
import { describeAccount } from '../auth/identity.js';
import { hashToken } from '../auth/sessions.js';
import { invitationProblem } from '../domain/admin/decide-admin.js';
import type { WorkspaceEngine } from '../sync/workspace-engine.js';
import { sendError, sendLimited } from './errors.js';
import type { HttpContext } from './http-context.js';
import { sendAnswer } from './answer.js';

/**
 * Without a mail round trip a sign-up cannot hide that an email is taken; this answer says only
 * that a password is needed, and only to someone holding a valid invitation link.
 */
const ACCOUNT_PASSWORD_NEEDED = 'if you already have an account with this email, give its password or sign in first';

type Found = { engine: WorkspaceEngine; invitation: Invitation };

/** The invitation a secret link stands for; only its hash is stored, in the workspace's log. */
async function findInvitation(ctx: HttpContext, token: string): Promise<Found | null> {
  if (token.length < 20 || token.length > 200) return null;
  const tokenHash = hashToken(token);
  for (const engine of await ctx.engines.all()) {
    const invitation = Object.values(engine.peek().invitations).find((i) => i.tokenHash === tokenHash);
    if (invitation) return { engine, invitation };
  }
  return null;
}

/** Accepting an invitation: open to people without an account (no session needed). */
export function invitationRoutes(ctx: HttpContext): Router {
  const router = Router();

  router.get('/:token', async (req, res) => {
    const found = await findInvitation(ctx, req.params.token);
    if (!found) return sendError(res, refusal('not_found', 'invitation_not_found', 'invitation not found'));
    const problem = invitationProblem(found.invitation, ctx.clock().toISOString());
    if (problem) return sendError(res, problem);
    const info: InvitationInfo = {
      workspaceName: found.engine.name,
      partnerName: found.engine.peek().partners[found.invitation.partnerId]?.name ?? '',
      roles: found.invitation.roles,
      expiresAt: found.invitation.expiresAt,
    };
    sendAnswer(res, info);
  });

  router.post('/:token/accept', async (req, res) => {
    const body = acceptInvitationBodySchema.safeParse(req.body);
    if (!body.success) return sendError(res, invalidPayload(body.error, 'invitation answer'));
    const found = await findInvitation(ctx, req.params.token);
    if (!found) return sendError(res, refusal('not_found', 'invitation_not_found', 'invitation not found'));
    const problem = invitationProblem(found.invitation, ctx.clock().toISOString());
    if (problem) return sendError(res, problem);

    const signedIn = (await ctx.sessions.resolve(ctx.sessions.tokenFrom(req.headers.cookie)))?.account ?? null;
    let account = signedIn;
    if (!account) {
      if (!('email' in body.data)) return sendError(res, appError('invalid_payload', 'name, email and password are needed'));
      const existing = await ctx.storage.findAccountByEmail(body.data.email);
      if (existing) {
        // Someone who has an account joins with it by giving its password; the link never says more than that.
        const checked = await ctx.passwords.check(body.data.email.toLowerCase(), req.ip ?? 'unknown', body.data.password, existing.passwordHash);
        if (checked.kind === 'limited') return sendLimited(res, checked);
        if (checked.kind === 'wrong') return sendError(res, refusal('conflict', 'account_password_needed', ACCOUNT_PASSWORD_NEEDED));
        account = existing;
      } else {
        const hashed = await ctx.passwords.hash(body.data.password);
        if (hashed.kind === 'limited') return sendLimited(res, hashed);
        account = { id: randomUUID(), email: body.data.email, name: body.data.name, passwordHash: hashed.hash, createdAt: ctx.clock().toISOString(), erasedAt: null };
        await ctx.storage.createAccount(account);
      }
    }
    const command = { id: randomUUID(), workspaceId: found.engine.workspaceId, type: 'member.join' as const, payload: { invitationId: found.invitation.id } };
    const answer = await found.engine.submit(command, account.id);
    if (!answer.ok) return sendError(res, answer.error);
    if (!signedIn) res.setHeader('Set-Cookie', ctx.sessions.cookie(await ctx.sessions.start(account.id)));
    sendAnswer(res, await describeAccount(account, ctx.engines));
  });

  return router;
}

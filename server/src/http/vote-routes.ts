import { Router } from 'express';
import { invalidPayload } from '@verbund/shared/errors';
import type { WorkspaceState } from '@verbund/shared/projection';
import { decisionsQuerySchema } from '@verbund/shared/decision-register';
import type { DecisionEntry } from '@verbund/shared/vote-wire';
import { decisionsCsv, decisionsMarkdown, registerEntries, type Names } from '../decisions/decision-register.js';
import { EXPORT_LABELS } from '../exports/export-labels.js';
import { namedAccounts } from '../exports/people-names.js';
import { viewerIn, viewsFor } from '../domain/votes/votes-feature.js';
import { requireAccount } from './auth-routes.js';
import { allow, bindWorkspace, bound } from './bind-workspace.js';
import { sendAnswer } from './answer.js';
import { sendError } from './errors.js';
import type { HttpContext } from './http-context.js';

/** Votes as the caller may see them (D29–D34) and the decision register with its exports (D36, P56). */
export function voteRoutes(ctx: HttpContext): Router {
  const router = Router({ mergeParams: true });
  router.use(requireAccount(ctx), bindWorkspace(ctx));

  router.get('/votes', allow('readWorkspace'), async (_req, res) => {
    const { engine, actor } = bound(res);
    const state = await engine.readState();
    sendAnswer(res, viewsFor(state, viewerIn(state, actor.personId, actor.partnerId)));
  });

  router.get('/decisions', allow('readWorkspace'), async (req, res) => {
    const query = decisionsQuerySchema.safeParse(req.query);
    if (!query.success) return sendError(res, invalidPayload(query.error, 'decisions query'));
    const { format, ...filter } = query.data;
    const state = await bound(res).engine.readState();
    const entries = registerEntries(state, filter);
    if (format === 'csv' || format === 'markdown') {
      const names = await namesFor(ctx, state);
      if (format === 'csv') {
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader('Content-Disposition', 'attachment; filename="verbund-beschluesse.csv"');
        return res.send(decisionsCsv(entries, names, optionLabelIn(state)));
      }
      res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="verbund-beschluesse.md"');
      return res.send(decisionsMarkdown(entries, names, optionLabelIn(state), ctx.clock().toISOString()));
    }
    sendAnswer(res, entries);
  });

  return router;
}

async function namesFor(ctx: HttpContext, state: Readonly<WorkspaceState>): Promise<Names> {
  const members = Object.values(state.members);
  const found = await ctx.storage.findAccountsByIds(members.map((m) => m.personId));
  const accounts = new Map(found.map((a) => [a.id, a.name]));
  return {
    workspace: state.name,
    signers: namedAccounts(found, state),
    partner: (id) => state.partners[id]?.name ?? EXPORT_LABELS.de.unknownPartner,
    person: (id) => {
      if (id === null) return '–';
      const member = state.members[id];
      const partner = member ? state.partners[member.partnerId]?.shortName : undefined;
      const name = member && !member.erased ? accounts.get(id) : undefined;
      return name ? `${name}${partner ? ` (${partner})` : ''}` : `–${partner ? ` (${partner})` : ''}`;
    },
    card: (id) => state.cards[id]?.title ?? id,
  };
}

/** What an option key stands for: a listed option's label, or a prioritised card's title. */
function optionLabelIn(state: Readonly<WorkspaceState>) {
  return (entry: DecisionEntry, key: string): string => {
    const config = state.votes[entry.voteId]?.settings.config;
    if (config?.kind === 'choice') return config.options.find((o) => o.id === key)?.label ?? key;
    if (config?.kind === 'prioritisation') return state.cards[key]?.title ?? key;
    return key;
  };
}

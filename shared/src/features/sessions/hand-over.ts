import { z } from 'zod';
import type { EventIn } from '../../feature.js';
import { idSchema, instantSchema } from '../../model.js';

/**
 * Hand-over (docs/session-rules.md, M40–M44): who leads a running session now. The moderator leads
 * unless a runner took over while the one leading was not connected; then that runner leads until
 * handing back. Kept beside the session (not a field of it), keyed by session id.
 */
export const sessionLeadSchema = z.strictObject({
  personId: idSchema,
  since: instantSchema,
  /** Who led before the take-over. */
  from: idSchema,
});
export type SessionLead = z.infer<typeof sessionLeadSchema>;

const sessionRef = { sessionId: idSchema };

export const handOverCommands = {
  /** M41: a runner who does not lead takes the lead while the one leading is not connected. */
  'session.take_over': z.strictObject(sessionRef),
  /** M43: the runner leading hands the lead back to the moderator. */
  'session.hand_back': z.strictObject(sessionRef),
};

export const handOverEvents = {
  'session.taken_over': z.strictObject({ ...sessionRef, personId: idSchema, from: idSchema }),
  'session.handed_back': z.strictObject({ ...sessionRef, to: idSchema }),
};

type HandOverSlice = { sessionLeads: Record<string, SessionLead> };
type HandOverEvents = typeof handOverEvents;

export const handOverSlice = {
  shape: { sessionLeads: z.record(z.string(), sessionLeadSchema) },
  containers: ['sessionLeads'] as const,
  reducers: {
    'session.taken_over': (s: HandOverSlice, e: EventIn<HandOverEvents, 'session.taken_over'>) => {
      s.sessionLeads[e.data.sessionId] = { personId: e.data.personId, since: e.at, from: e.data.from };
    },
    // M43: the moderator leads again; no entry means the moderator.
    'session.handed_back': (s: HandOverSlice, e: EventIn<HandOverEvents, 'session.handed_back'>) => {
      delete s.sessionLeads[e.data.sessionId];
    },
  },
  subjects: {
    'session.taken_over': (d: z.infer<HandOverEvents['session.taken_over']>) => d.sessionId,
    'session.handed_back': (d: z.infer<HandOverEvents['session.handed_back']>) => d.sessionId,
  },
};

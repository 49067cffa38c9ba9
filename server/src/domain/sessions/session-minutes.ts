import type { DocumentKind } from '../feature.js';
import { proseMirrorToUpdate } from '../documents/prosemirror.js';
import { minutesContent } from './minutes.js';

/**
 * `session-minutes:<sessionId>` (rule M50): the minutes of a session, a co-written text like a
 * position's. There are none before the session ended; then every member writes them, starting from
 * what the server generated of the session's record.
 */
export const sessionMinutes: DocumentKind = {
  access: (state, actor, sessionId) => {
    const session = state.sessions[sessionId];
    if (!session || actor.roles.length === 0 || session.state !== 'ended') return 'none';
    return 'write';
  },
  seed: (state, sessionId, nameOf) => {
    const session = state.sessions[sessionId];
    return proseMirrorToUpdate(session ? minutesContent(state, session, nameOf) : { type: 'doc', content: [{ type: 'paragraph' }] });
  },
};

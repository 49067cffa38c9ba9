import { mayRunSession, type ModeratedSession } from '@verbund/shared/features/sessions/sessions-feature';
import { EMPTY_SPEAKER_BOOK, nextSpeaker, placeOf, queueOf, speakingNow } from '@verbund/shared/features/sessions/speakers';
import type { WorkspaceState } from '@verbund/shared/projection';

/** What the speaker queue shows one person (M20–M27): the queue, their place, who speaks, who is next. */
export function speakerQueueView(state: WorkspaceState, session: ModeratedSession, meId: string) {
  const book = state.sessionSpeakers[session.id] ?? EMPTY_SPEAKER_BOOK;
  const itemId = session.currentItemId;
  const entries = queueOf(book, itemId);
  const open = session.state === 'running' && itemId !== null;
  return {
    open,
    entries,
    myPlace: placeOf(entries, meId),
    speaking: speakingNow(book, itemId),
    next: open && itemId ? nextSpeaker(book, itemId) : null,
    rules: book.rules,
    mayRun: mayRunSession(meId, session),
    // Only members of the workspace stand in the queue; a guest follows it (M20).
    mayRaise: open && state.members[meId]?.active === true,
    spoken: book.contributions.filter((c) => c.itemId === itemId),
  };
}
export type SpeakerQueueView = ReturnType<typeof speakerQueueView>;

/** One place for cache keys so the socket and the screens agree on them. */
export const queryKeys = {
  me: ['me'] as const,
  state: (workspaceId: string) => ['workspace', workspaceId, 'state'] as const,
  people: (workspaceId: string) => ['workspace', workspaceId, 'people'] as const,
  /** What this person may see of every vote (`VoteView[]`), kept current by `votes:viewed`. */
  votes: (workspaceId: string) => ['workspace', workspaceId, 'votes'] as const,
  decisions: (workspaceId: string) => ['workspace', workspaceId, 'decisions'] as const,
  cardHistory: (workspaceId: string, cardId: string) => ['workspace', workspaceId, 'card', cardId, 'history'] as const,
};

/** The filters of a list, as the screen holds them; part of the key so each filter is cached apart. */
type Filter = Readonly<Record<string, string | undefined>>;

const workspace = (workspaceId: string) => ['workspace', workspaceId] as const;
const decisions = (workspaceId: string) => [...workspace(workspaceId), 'decisions'] as const;
const cards = (workspaceId: string) => [...workspace(workspaceId), 'card'] as const;
const audit = (workspaceId: string) => [...workspace(workspaceId), 'audit'] as const;

/**
 * One place for cache keys so the socket and the screens agree on them. A workspace's keys start
 * with `workspace` and its id; a shorter key is the prefix that invalidates the longer ones (every
 * filter of a list, every card's history).
 */
export const queryKeys = {
  me: ['me'] as const,
  /** The signed-in account's own lists; a new password refreshes them all. */
  account: ['account'] as const,
  accountSessions: ['account', 'sessions'] as const,
  accountSecurityEvents: ['account', 'security-events'] as const,
  invitation: (token: string) => ['invitation', token] as const,
  state: (workspaceId: string) => [...workspace(workspaceId), 'state'] as const,
  people: (workspaceId: string) => [...workspace(workspaceId), 'people'] as const,
  /** What this person may see of every vote (`VoteView[]`), kept current by `votes:viewed`. */
  votes: (workspaceId: string) => [...workspace(workspaceId), 'votes'] as const,
  decisions,
  decisionList: (workspaceId: string, filter: Filter) => [...decisions(workspaceId), filter] as const,
  cards,
  cardHistory: (workspaceId: string, cardId: string) => [...cards(workspaceId), cardId, 'history'] as const,
  auditList: (workspaceId: string, filter: Filter) => [...audit(workspaceId), filter] as const,
  auditVerdict: (workspaceId: string) => [...audit(workspaceId), 'verify'] as const,
  /** A named version's frozen text (never changes), or `current`, the text as stored now. */
  versionText: (workspaceId: string, positionId: string, versionId: string) => [...workspace(workspaceId), 'positions', positionId, 'versions', versionId] as const,
};

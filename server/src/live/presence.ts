import type { PresenceEntry } from '@verbund/shared/protocol';

/** Who is connected to which workspace and what they look at. Ephemeral: never persisted (rule S10). */
export class PresenceBook {
  private readonly byWorkspace = new Map<string, Map<string, PresenceEntry>>();

  set(workspaceId: string, entry: PresenceEntry): PresenceEntry[] {
    let entries = this.byWorkspace.get(workspaceId);
    if (!entries) {
      entries = new Map();
      this.byWorkspace.set(workspaceId, entries);
    }
    entries.set(entry.connectionId, entry);
    return [...entries.values()];
  }

  list(workspaceId: string): PresenceEntry[] {
    return [...(this.byWorkspace.get(workspaceId)?.values() ?? [])];
  }

  /** Whether the person has any joined connection to the workspace (M41: a session's lead may be taken over only when not). */
  has(workspaceId: string, personId: string): boolean {
    for (const entry of this.byWorkspace.get(workspaceId)?.values() ?? []) if (entry.personId === personId) return true;
    return false;
  }

  remove(workspaceId: string, connectionId: string): PresenceEntry[] {
    const entries = this.byWorkspace.get(workspaceId);
    entries?.delete(connectionId);
    if (entries?.size === 0) this.byWorkspace.delete(workspaceId);
    return [...(entries?.values() ?? [])];
  }
}

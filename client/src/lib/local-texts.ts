/**
 * The browser's copies of collaborative texts (y-indexeddb, one database per text), named per
 * workspace and person, so two people on one browser never see each other's unsent text.
 */
const PREFIX = 'verbund:';

export const localTextName = (workspaceId: string, personId: string, docId: string): string => `${PREFIX}${workspaceId}:${personId}:${docId}`;

/** Whether a database of this browser is one of this person's local texts. */
export const isLocalTextOf = (name: string, personId: string): boolean => name.startsWith(PREFIX) && name.split(':')[2] === personId;

/**
 * Signing out leaves nothing of the person's texts on this device (a shared office computer): their
 * local copies are deleted, text not yet sent included. Browsers without `indexedDB.databases()`
 * keep them, still under the person's name only.
 */
export async function forgetLocalTexts(personId: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const names = (await indexedDB.databases()).flatMap((db) => (db.name && isLocalTextOf(db.name, personId) ? [db.name] : []));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          // Blocked: a tab still has it open; it is deleted once that tab lets go.
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

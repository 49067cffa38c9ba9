import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';

/**
 * The formats of a shared text (headings, emphasis, lists, links, tables): the live editor and the
 * version comparison read the same schema, so a version shows as it was written.
 */
export const textExtensions = () => [
  // Undo is Yjs' own (Collaboration), which undoes only this person's changes, not the others'.
  // No trailing node: every editor would add its own empty paragraph at the end of a shared text.
  StarterKit.configure({ undoRedo: false, trailingNode: false, link: { openOnClick: false, autolink: true, defaultProtocol: 'https' } }),
  TableKit.configure({ table: { resizable: false } }),
];

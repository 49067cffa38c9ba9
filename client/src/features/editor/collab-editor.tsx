import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '@verbund/shared/model';

export type CollabEditorProps = {
  /** `<kind>:<entityId>` of the `doc:*` stream. */
  docId: string;
  /** The name of the text, the editor's accessible name; shown unless a heading beside it says it already. */
  label: string;
  hideLabel?: boolean;
  /** Read-only whatever the server allows (the server decides too, per update: Y6). */
  readOnly?: boolean;
  /** Why it is read-only, shown instead of the generic line. */
  readOnlyNote?: string;
  partners: Record<string, Partner>;
};

// Tiptap, ProseMirror and y-indexeddb are loaded only when a text is shown, not with the board.
const RichTextEditor = lazy(() => import('./rich-text-editor'));

/** A collaborative rich text on the `doc:*` stream: live carets, offline edits, read-only where the server says so. */
export function CollabEditor(props: CollabEditorProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('editor.loading')}</p>}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}

import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '@verbund/shared/model';
import type { PmDoc } from '@verbund/shared/rich-text';
import type { Passage } from '../../lib/passage-store';

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
  /** The text as the workspace state has it (plain lines), shown read-only until the document is open. */
  preview?: string;
  /** Content to put in place of the text, as an edit of this person's (an old version restored); then `onReplaced`. */
  replaceWith?: PmDoc | null;
  /** Comments on passages and proposed changes beside the text (issue 10 item 4). */
  annotations?: boolean;
  onReplaced?: () => void;
  /** For the person leading a running session: shows everyone the selected passage (M45); absent for everyone else. */
  sharePassage?: ((passage: Passage) => void) | null;
};

// Tiptap, ProseMirror and y-indexeddb are loaded only when a text is shown, not with the board.
const RichTextEditor = lazy(() => import('./rich-text-editor'));

/** A collaborative rich text on the `doc:*` stream: live carets, offline edits, read-only where the server says so. */
export function CollabEditor(props: CollabEditorProps) {
  return (
    <Suspense fallback={<EditorLoading label={props.label} preview={props.preview} />}>
      <RichTextEditor {...props} />
    </Suspense>
  );
}

/** While the editor or its document loads: the stored text, so there is something to read at once. */
export function EditorLoading({ label, preview }: Pick<CollabEditorProps, 'label' | 'preview'>) {
  const { t } = useTranslation();
  return (
    <div className="collab-editor-loading">
      {preview ? (
        <div className="rich-text rich-text-preview" aria-label={label} role="region">
          {preview.split('\n').map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </div>
      ) : null}
      <p role="status" className="muted">
        {t('editor.loading')}
      </p>
    </div>
  );
}

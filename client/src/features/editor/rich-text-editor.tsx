import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor } from '@tiptap/react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type { DocStatus } from '@verbund/shared/doc-provider';
import type { Partner } from '@verbund/shared/model';
import { useAnnouncer } from '../../lib/announcer-store';
import { errorMessageKey } from '../../lib/error-messages';
import { usePassageStore } from '../../lib/passage-store';
import { useSession } from '../../lib/session-context';
import { AnnotationMarks, anchorOfSelection, showPassage } from './annotation-marks';
import { AnnotationsPanel } from './annotations-panel';
import { caretRendering, writerOf, type Writer } from './carets';
import { EditorToolbar } from './editor-toolbar';
import { textExtensions } from './extensions';
import { useCollabDoc, type CollabDoc } from './use-collab-doc';
import { EditorLoading, type CollabEditorProps } from './collab-editor';

/** The editor itself, in a chunk of its own (`collab-editor.tsx` loads it when a text is first shown). */
export default function RichTextEditor(props: CollabEditorProps) {
  const { t } = useTranslation();
  const { collab, status, refused } = useCollabDoc(props.docId);
  return (
    <div className="collab-editor">
      {refused && (
        <p className="notice" role="alert">
          {t('editor.refused', { reason: t(errorMessageKey(refused)) })}
        </p>
      )}
      {collab ? <BoundEditor key={collab.doc.guid} collab={collab} status={status} {...props} /> : <EditorLoading label={props.label} preview={props.preview} />}
    </div>
  );
}

type BoundProps = CollabEditorProps & { collab: CollabDoc; status: DocStatus };

function BoundEditor({ collab, status, label, hideLabel, readOnly, readOnlyNote, partners, replaceWith, onReplaced, annotations, docId, sharePassage }: BoundProps) {
  const { t } = useTranslation();
  const { me } = useSession();
  const id = useId();
  const writable = status.access === 'write' && !readOnly;
  const editor = useEditor(
    {
      extensions: [
        ...textExtensions(),
        Collaboration.configure({ document: collab.doc }),
        CollaborationCaret.configure({ provider: collab.provider, user: { name: me.name }, ...caretRendering(partners) }),
        AnnotationMarks,
      ],
      editable: false,
      editorProps: {
        attributes: { class: 'rich-text', role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': `${id}-label`, 'aria-describedby': `${id}-status` },
      },
    },
    [collab],
  );
  useEffect(() => {
    editor.setEditable(writable);
    editor.view.dom.setAttribute('aria-readonly', String(!writable));
  }, [editor, writable]);
  // A restore is one edit of the whole text, sent like typing and undone like it (only after the open: the text must be the server's).
  useEffect(() => {
    if (!replaceWith || !writable || !status.synced) return;
    editor.chain().focus().setContent(replaceWith).run();
    onReplaced?.();
  }, [editor, replaceWith, writable, status.synced, onReplaced]);
  // The passage the moderation shows (M49), once the text is the server's: marked and scrolled to.
  const shown = usePassageStore((s) => (s.shown?.docId === docId ? s.shown : null));
  useEffect(() => {
    if (shown && status.synced && !showPassage(editor, shown.passage)) useAnnouncer.getState().announce(t('editor.passageGone'));
  }, [editor, shown, status.synced, t]);
  const share = () => {
    const anchor = anchorOfSelection(editor);
    if (!anchor) useAnnouncer.getState().announce(t('editor.selectPassageFirst'));
    else sharePassage?.({ from: anchor.from, to: anchor.to });
  };

  return (
    <>
      <div className="collab-editor-head">
        <span id={`${id}-label`} className={hideLabel ? 'visually-hidden' : 'collab-editor-label'}>
          {label}
        </span>
        <Writers collab={collab} partners={partners} />
        {sharePassage && status.synced && (
          <button type="button" className="button button-quiet" onClick={share}>
            {t('editor.sharePassage')}
          </button>
        )}
      </div>
      {writable && <EditorToolbar editor={editor} />}
      <EditorContent editor={editor} className={writable ? 'rich-text-frame' : 'rich-text-frame rich-text-readonly'} />
      <p id={`${id}-status`} className="collab-status muted" aria-live="polite">
        {statusText(t, status, writable, readOnlyNote)}
      </p>
      {annotations && status.synced && <AnnotationsPanel editor={editor} docId={docId} writable={writable} />}
    </>
  );
}

function statusText(t: (key: string) => string, status: DocStatus, writable: boolean, readOnlyNote: string | undefined): string {
  if (!status.synced) return status.pending > 0 ? t('editor.offlinePending') : t('editor.offline');
  if (!writable) return readOnlyNote ?? t('editor.readOnly');
  return status.pending > 0 ? t('editor.saving') : t('editor.saved');
}

/** Who else has the text open right now, by name and partner (the carets show where they are). */
function Writers({ collab, partners }: { collab: CollabDoc; partners: Record<string, Partner> }) {
  const { t } = useTranslation();
  const { awareness } = collab.provider;
  const [writers, setWriters] = useState<Writer[]>([]);
  useEffect(() => {
    const read = () =>
      setWriters(
        [...awareness.getStates()]
          .filter(([clientId]) => clientId !== awareness.clientID)
          .map(([clientId, state]) => writerOf(partners, clientId, state))
          .filter((w): w is Writer => w !== null),
      );
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness, partners]);
  if (writers.length === 0) return null;
  return (
    <ul className="collab-writers" aria-label={t('editor.othersHere')}>
      {writers.map((w) => (
        <li key={w.clientId} className="collab-writer" style={{ borderColor: w.color }}>
          {w.user.name}
          {w.partner && <span className="muted"> · {w.partner}</span>}
        </li>
      ))}
    </ul>
  );
}

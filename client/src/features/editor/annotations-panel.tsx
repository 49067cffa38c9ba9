import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorState, type Editor } from '@tiptap/react';
import type { Annotation } from '@verbund/shared/features/annotations/annotations-feature';
import { newId } from '../../lib/command-queue';
import { formatDateTime } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { usePeople } from '../../lib/queries';
import { useSession } from '../../lib/session-context';
import { useCommand } from '../../lib/use-command';
import { useWorkspaceView } from '../../lib/use-workspace-view';
import { anchorOfSelection, rangeOfAnchor, setAnnotations } from './annotation-marks';

type Props = { editor: Editor; docId: string; writable: boolean };
type Draft = { kind: 'comment' | 'proposal'; body: string; replacement: string };

/**
 * Comments on passages and proposed changes (issue 10 item 4): select text, then comment (a thread,
 * resolvable) or propose a replacement that someone who may write accepts, as their own edit, or rejects.
 */
export function AnnotationsPanel({ editor, docId, writable }: Props) {
  const { t, i18n } = useTranslation();
  const { membership } = useSession();
  const state = useWorkspaceView();
  const people = usePeople(membership.workspaceId);
  const command = useCommand();
  const id = useId().replace(/:/g, '');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });
  const all = useMemo(() => state?.annotations[docId] ?? [], [state, docId]);
  const open = useMemo(() => all.filter((a) => !a.resolved && !a.decision), [all]);
  const closed = useMemo(() => all.filter((a) => a.resolved || a.decision), [all]);
  const who = (personId: string) => (state ? nameOf(t, people, state.partners, personId) : '');

  useEffect(() => setAnnotations(editor, open, active), [editor, open, active]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const anchor = anchorOfSelection(editor);
    if (!draft || !anchor) return;
    const annotationId = newId();
    const sent =
      draft.kind === 'comment'
        ? { type: 'annotation.comment' as const, payload: { annotationId, docId, anchor, body: draft.body.trim() }, done: t('annotations.commented') }
        : { type: 'annotation.propose' as const, payload: { annotationId, docId, anchor, replacement: draft.replacement, body: draft.body.trim() }, done: t('annotations.proposed') };
    command.mutate(sent, { onSuccess: () => setDraft(null) });
  };

  const accept = (annotation: Annotation) =>
    command.mutate(
      { type: 'annotation.decide', payload: { annotationId: annotation.id, outcome: 'accepted' }, done: t('annotations.acceptedDone') },
      {
        // The replacement becomes the accepting person's edit of the text, sent and stored like typing.
        onSuccess: () => {
          const range = rangeOfAnchor(editor, annotation.anchor);
          if (range) editor.chain().focus().insertContentAt(range, annotation.replacement ?? '').run();
        },
      },
    );

  return (
    <section className="annotations" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('annotations.heading', { count: open.length })}</h4>
      <div className="form-actions">
        <button type="button" className="button button-secondary" disabled={!hasSelection} onMouseDown={(e) => e.preventDefault()} onClick={() => setDraft({ kind: 'comment', body: '', replacement: '' })}>
          {t('annotations.comment')}
        </button>
        {writable && (
          <button
            type="button"
            className="button button-secondary"
            disabled={!hasSelection}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setDraft({ kind: 'proposal', body: '', replacement: anchorOfSelection(editor)?.quote ?? '' })}
          >
            {t('annotations.propose')}
          </button>
        )}
      </div>
      {!hasSelection && !draft && <p className="muted small">{t('annotations.selectFirst')}</p>}
      {draft && (
        <form className="annotation-form" onSubmit={submit}>
          <p className="muted small">{t('annotations.about', { quote: anchorOfSelection(editor)?.quote ?? '' })}</p>
          {draft.kind === 'proposal' && (
            <div className="field">
              <label htmlFor={`${id}-replacement`}>{t('annotations.replacement')}</label>
              <textarea id={`${id}-replacement`} rows={3} value={draft.replacement} onChange={(e) => setDraft({ ...draft, replacement: e.target.value })} />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-body`}>{draft.kind === 'comment' ? t('annotations.body') : t('annotations.reason')}</label>
            <textarea id={`${id}-body`} rows={3} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={command.isPending || !hasSelection || (draft.kind === 'comment' && !draft.body.trim())}>
              {draft.kind === 'comment' ? t('annotations.send') : t('annotations.sendProposal')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setDraft(null)}>
              {t('annotations.cancel')}
            </button>
          </div>
        </form>
      )}
      {open.length > 0 && (
        <ol className="plain-list annotation-list">
          {open.map((a) => (
            <AnnotationItem key={a.id} annotation={a} who={who} language={i18n.language} writable={writable} active={active === a.id} onFocus={() => setActive(a.id)} onAccept={() => accept(a)} />
          ))}
        </ol>
      )}
      {closed.length > 0 && (
        <details className="annotations-closed">
          <summary>{t('annotations.closed', { count: closed.length })}</summary>
          <ol className="plain-list annotation-list">
            {closed.map((a) => (
              <AnnotationItem key={a.id} annotation={a} who={who} language={i18n.language} writable={writable} active={false} onFocus={() => setActive(null)} onAccept={() => accept(a)} />
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

type ItemProps = { annotation: Annotation; who: (personId: string) => string; language: string; writable: boolean; active: boolean; onFocus: () => void; onAccept: () => void };

function AnnotationItem({ annotation: a, who, language, writable, active, onFocus, onAccept }: ItemProps) {
  const { t } = useTranslation();
  const command = useCommand();
  const id = useId().replace(/:/g, '');
  const [reply, setReply] = useState('');
  const sendReply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reply.trim()) return;
    command.mutate({ type: 'annotation.reply', payload: { annotationId: a.id, replyId: newId(), body: reply.trim() }, done: t('annotations.replied') }, { onSuccess: () => setReply('') });
  };
  const label = a.kind === 'comment' ? t('annotations.commentBy', { name: who(a.by) }) : t('annotations.proposalBy', { name: who(a.by) });
  return (
    <li className={active ? 'annotation annotation-item-active' : 'annotation'} aria-label={label} onFocus={onFocus} onMouseEnter={onFocus}>
      <p className="small">
        <strong>{label}</strong> <span className="muted">{formatDateTime(a.at, language)}</span>
      </p>
      <blockquote className="annotation-quote">{a.anchor.quote}</blockquote>
      {a.kind === 'proposal' && (
        <p>
          {t('annotations.replaceWith')} <ins className="diff-inserted">{a.replacement || t('annotations.removeText')}</ins>
        </p>
      )}
      {a.body && <p className="annotation-body">{a.body}</p>}
      {a.replies.length > 0 && (
        <ul className="plain-list annotation-replies">
          {a.replies.map((r) => (
            <li key={r.id}>
              <strong>{who(r.by)}</strong>: {r.body}
            </li>
          ))}
        </ul>
      )}
      {a.decision && (
        <p className="muted small">{t(a.decision.outcome === 'accepted' ? 'annotations.acceptedBy' : 'annotations.rejectedBy', { name: who(a.decision.by), date: formatDateTime(a.decision.at, language) })}</p>
      )}
      {a.resolved && <p className="muted small">{t('annotations.resolvedBy', { name: who(a.resolved.by), date: formatDateTime(a.resolved.at, language) })}</p>}
      <div className="form-actions">
        {a.kind === 'proposal' && !a.decision && writable && (
          <>
            <button type="button" className="button button-secondary" disabled={command.isPending} onClick={onAccept}>
              {t('annotations.accept')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={command.isPending}
              onClick={() => command.mutate({ type: 'annotation.decide', payload: { annotationId: a.id, outcome: 'rejected' }, done: t('annotations.rejectedDone') })}
            >
              {t('annotations.reject')}
            </button>
          </>
        )}
        {a.kind === 'comment' && (
          <button
            type="button"
            className="button button-quiet"
            disabled={command.isPending}
            onClick={() => command.mutate({ type: 'annotation.resolve', payload: { annotationId: a.id, resolved: !a.resolved }, done: t(a.resolved ? 'annotations.reopenedDone' : 'annotations.resolvedDone') })}
          >
            {a.resolved ? t('annotations.reopen') : t('annotations.resolve')}
          </button>
        )}
      </div>
      {!a.resolved && !a.decision && (
        <form className="inline-form" onSubmit={sendReply}>
          <label htmlFor={`${id}-reply`} className="visually-hidden">
            {t('annotations.replyLabel', { name: who(a.by) })}
          </label>
          <input id={`${id}-reply`} type="text" value={reply} maxLength={5000} placeholder={t('annotations.replyPlaceholder')} onChange={(e) => setReply(e.target.value)} />
          <button type="submit" className="button button-quiet" disabled={!reply.trim() || command.isPending}>
            {t('annotations.reply')}
          </button>
        </form>
      )}
    </li>
  );
}

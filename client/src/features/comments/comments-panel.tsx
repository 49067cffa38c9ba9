import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { commentBodySchema, type Comment, type Partner, type Person } from '@verbund/shared/model';
import { PartnerBadge } from '../../components/partner-badge';
import { newId, submitCommand } from '../../lib/command-queue';
import { formatDateTime } from '../../lib/format';
import { personName } from '../../lib/person-name';
import { useSession } from '../../lib/session-context';

type Props = { cardId: string; comments: readonly Comment[]; people: Person[]; partners: Record<string, Partner> };

export function CommentsPanel({ cardId, comments, people, partners }: Props) {
  const { t, i18n } = useTranslation();
  const { membership } = useSession();
  const id = useId().replace(/:/g, '');
  const [body, setBody] = useState('');
  const [error, setError] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = commentBodySchema.safeParse(body);
    if (!parsed.success) return setError(true);
    submitCommand({ id: newId(), workspaceId: membership.workspaceId, type: 'comment.add', payload: { commentId: newId(), cardId, body: parsed.data } });
    setBody('');
    setError(false);
  };

  return (
    <section className="dialog-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('comments.heading')}</h3>
      {comments.length === 0 ? (
        <p className="muted">{t('comments.empty')}</p>
      ) : (
        <ol className="comment-list">
          {comments.map((comment) => {
            const author = people.find((p) => p.id === comment.authorId);
            return (
              <li key={comment.id} className="comment">
                <div className="comment-meta">
                  <strong>{personName(t, author, partners)}</strong>
                  {author && <PartnerBadge partners={partners} partnerId={author.partnerId} />}
                  <time dateTime={comment.createdAt} className="muted small">
                    {formatDateTime(comment.createdAt, i18n.language)}
                  </time>
                </div>
                <p className="comment-body">{comment.body}</p>
              </li>
            );
          })}
        </ol>
      )}
      <form className="comment-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-body`}>{t('comments.label')}</label>
          <textarea
            id={`${id}-body`}
            rows={3}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={error}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </div>
        {error && (
          <p id={`${id}-error`} role="alert" className="form-error">
            {t('comments.empty_error')}
          </p>
        )}
        <button type="submit" className="button button-primary">
          {t('comments.submit')}
        </button>
      </form>
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card } from '@verbund/shared/model';
import {
  PASS_RULES,
  REASON_MODES,
  VISIBILITIES,
  voteSettingsSchema,
  type Counting,
  type PassRule,
  type Visibility,
  type VoteKind,
  type VoteSettings,
} from '@verbund/shared/votes';
import { SubmitActions } from '../../components/form-parts';
import { newId } from '../../lib/command-queue';
import { useCommand, type CommandVariables } from '../../lib/use-command';

type Props = {
  /** The card the vote is about; none: a workspace-wide vote (moderators and admins, D2). */
  cardId: string | null;
  /** Cards a prioritisation may spread points over (workspace-wide form only). */
  cards?: readonly Card[];
  onDone?: () => void;
  /**
   * Where the form is used for something other than opening a vote about `cardId` now (a session's
   * agenda item, M60, M61): the cards it is about, a title to start from, the heading and button, and
   * the command the settings go out with.
   */
  use?: { cardIds: readonly string[]; title: string; heading: string; submit: string; send: (voteId: string, settings: VoteSettings) => CommandVariables };
};

type Draft = {
  title: string;
  description: string;
  kind: VoteKind;
  passRule: PassRule;
  reasonMode: (typeof REASON_MODES)[number];
  options: string;
  maxChoices: number;
  points: number;
  prioritised: string[];
  counting: Counting;
  partnerBallotBy: 'representative' | 'any_member';
  visibility: Visibility;
  anonymous: boolean;
  minPartners: string;
  closesAt: string;
};

const INITIAL: Draft = {
  title: '', description: '', kind: 'proposal', passRule: 'consent', reasonMode: 'optional', options: '', maxChoices: 1, points: 10,
  prioritised: [], counting: 'partner', partnerBallotBy: 'representative', visibility: 'live', anonymous: false, minPartners: '', closesAt: '',
};

const secret = (d: Draft) => d.counting === 'person' && d.anonymous;

function toSettings(d: Draft, cardIds: readonly string[]): unknown {
  const labels = d.options.split('\n').map((s) => s.trim()).filter(Boolean);
  const config =
    d.kind === 'proposal'
      ? { kind: 'proposal', passRule: d.passRule, reasonMode: d.reasonMode }
      : d.kind === 'choice'
        ? { kind: 'choice', options: labels.map((label) => ({ id: newId(), label })), maxChoices: d.maxChoices }
        : { kind: 'prioritisation', points: d.points, cardIds: d.prioritised };
  const closes = d.closesAt ? new Date(d.closesAt) : null;
  return {
    title: d.title,
    description: d.description,
    cardIds: [...cardIds],
    config,
    counting: d.counting,
    partnerBallotBy: d.partnerBallotBy,
    quorum: d.minPartners ? { minPartners: Number(d.minPartners) } : {},
    // D37: an anonymous vote shows results after close only; the server refuses anything else.
    visibility: secret(d) ? 'after_close' : d.visibility,
    anonymous: secret(d),
    closesAt: closes && !Number.isNaN(closes.getTime()) ? closes.toISOString() : null,
  };
}

/** Opening a vote (D1–D6). The form checks with the shared schema; the server decides. */
export function OpenVoteForm({ cardId, cards = [], onDone, use }: Props) {
  const { t } = useTranslation();
  const id = useId().replace(/:/g, '');
  const command = useCommand();
  const initial: Draft = use ? { ...INITIAL, title: use.title } : INITIAL;
  const [d, setD] = useState<Draft>(initial);
  const [issues, setIssues] = useState<string[]>([]);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const aboutCards = use ? use.cardIds : cardId ? [cardId] : [];
  const kinds: VoteKind[] = cardId || use ? ['proposal', 'choice'] : ['proposal', 'choice', 'prioritisation'];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = voteSettingsSchema.safeParse(toSettings(d, aboutCards));
    if (!parsed.success) {
      setIssues([...new Set(parsed.error.issues.map((i) => issueKey(i.path.map(String))))]);
      return;
    }
    setIssues([]);
    const settings: VoteSettings = parsed.data;
    const voteId = newId();
    const variables: CommandVariables = use ? use.send(voteId, settings) : { type: 'vote.open', payload: { voteId, settings }, done: t('votes.open.done', { title: settings.title }) };
    command.mutate(variables, {
      onSuccess: () => {
        setD(initial);
        onDone?.();
      },
    });
  };

  const field = (name: string) => `${id}-${name}`;
  return (
    <form className="open-vote-form stack-form" onSubmit={onSubmit} noValidate aria-labelledby={field('heading')}>
      <h4 id={field('heading')} className="form-heading">
        {use ? use.heading : cardId ? t('votes.open.headingCard') : t('votes.open.headingWorkspace')}
      </h4>
      <div className="field">
        <label htmlFor={field('title')}>{t('votes.open.title')}</label>
        <input id={field('title')} value={d.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} aria-invalid={issues.includes('title') || undefined} />
      </div>
      <div className="field">
        <label htmlFor={field('description')}>{t('votes.open.description')}</label>
        <textarea id={field('description')} rows={2} value={d.description} onChange={(e) => set({ description: e.target.value })} />
      </div>
      <div className="field-grid">
        <Select id={field('kind')} label={t('votes.open.kind')} value={d.kind} values={kinds} text={(k) => t(`votes.kind.${k}`)} onChange={(kind) => set({ kind })} />
        {d.kind === 'proposal' && (
          <>
            <Select id={field('passRule')} label={t('votes.open.passRule')} value={d.passRule} values={PASS_RULES} text={(k) => t(`votes.passRule.${k}`)} onChange={(passRule) => set({ passRule })} />
            <Select id={field('reasonMode')} label={t('votes.open.reasonMode')} value={d.reasonMode} values={REASON_MODES} text={(k) => t(`votes.reasonMode.${k}`)} onChange={(reasonMode) => set({ reasonMode })} />
          </>
        )}
        {d.kind === 'choice' && (
          <div className="field">
            <label htmlFor={field('maxChoices')}>{t('votes.open.maxChoices')}</label>
            <input id={field('maxChoices')} type="number" min={1} max={20} value={d.maxChoices} onChange={(e) => set({ maxChoices: Number(e.target.value) || 1 })} />
          </div>
        )}
        {d.kind === 'prioritisation' && (
          <div className="field">
            <label htmlFor={field('points')}>{t('votes.open.points')}</label>
            <input id={field('points')} type="number" min={1} max={100} value={d.points} onChange={(e) => set({ points: Number(e.target.value) || 1 })} />
          </div>
        )}
        <Select id={field('counting')} label={t('votes.open.counting')} value={d.counting} values={['partner', 'person'] as const} text={(k) => t(`votes.counting.${k}`)} onChange={(counting) => set({ counting })} />
        {d.counting === 'partner' && (
          <Select
            id={field('partnerBallotBy')}
            label={t('votes.open.partnerBallotBy')}
            value={d.partnerBallotBy}
            values={['representative', 'any_member'] as const}
            text={(k) => t(`votes.partnerBallotBy.${k}`)}
            onChange={(partnerBallotBy) => set({ partnerBallotBy })}
          />
        )}
        {secret(d) ? (
          <p className="field muted small">{t('votes.open.anonymousAfterClose')}</p>
        ) : (
          <Select id={field('visibility')} label={t('votes.open.visibility')} value={d.visibility} values={VISIBILITIES} text={(k) => t(`votes.visibility.${k}`)} onChange={(visibility) => set({ visibility })} />
        )}
        <div className="field">
          <label htmlFor={field('minPartners')}>{t('votes.open.minPartners')}</label>
          <input id={field('minPartners')} type="number" min={1} value={d.minPartners} onChange={(e) => set({ minPartners: e.target.value })} aria-invalid={issues.includes('quorum') || undefined} />
        </div>
        <div className="field">
          <label htmlFor={field('closesAt')}>{t('votes.open.closesAt')}</label>
          <input id={field('closesAt')} type="datetime-local" value={d.closesAt} onChange={(e) => set({ closesAt: e.target.value })} />
        </div>
      </div>
      {d.counting === 'person' && (
        <label className="checkbox">
          <input type="checkbox" checked={d.anonymous} onChange={(e) => set({ anonymous: e.target.checked })} />
          {t('votes.open.anonymous')}
        </label>
      )}
      {d.kind === 'choice' && (
        <div className="field">
          <label htmlFor={field('options')}>{t('votes.open.options')}</label>
          <textarea id={field('options')} rows={4} value={d.options} onChange={(e) => set({ options: e.target.value })} aria-invalid={issues.includes('options') || undefined} />
        </div>
      )}
      {d.kind === 'prioritisation' && (
        <fieldset className="fieldset">
          <legend>{t('votes.open.cards')}</legend>
          <div className="checkbox-list">
            {cards.map((card) => (
              <label key={card.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={d.prioritised.includes(card.id)}
                  onChange={(e) => set({ prioritised: e.target.checked ? [...d.prioritised, card.id] : d.prioritised.filter((x) => x !== card.id) })}
                />
                {card.title}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {issues.length > 0 && (
        <div role="alert" className="form-error">
          <ul>
            {issues.map((key) => (
              <li key={key}>{t(`votes.open.invalid.${key}`)}</li>
            ))}
          </ul>
        </div>
      )}
      <SubmitActions label={use ? use.submit : t('votes.open.submit')} pending={command.isPending}>
        {onDone && (
          <button type="button" className="button button-quiet" onClick={onDone}>
            {t('votes.open.cancel')}
          </button>
        )}
      </SubmitActions>
    </form>
  );
}

function issueKey(path: string[]): string {
  if (path[0] === 'title') return 'title';
  if (path[0] === 'quorum') return 'quorum';
  if (path[0] === 'config' && (path[1] === 'options' || path[1] === 'maxChoices')) return 'options';
  if (path[0] === 'config' && path[1] === 'cardIds') return 'cards';
  return 'other';
}

type SelectProps<T extends string> = { id: string; label: string; value: T; values: readonly T[]; text: (v: T) => string; onChange: (v: T) => void };

function Select<T extends string>({ id, label, value, values, text, onChange }: SelectProps<T>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(values.find((v) => v === e.target.value) ?? value)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {text(v)}
          </option>
        ))}
      </select>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { adoptedRound } from '@verbund/shared/features/positions/adoption';
import { positionsOfCard, type Position } from '@verbund/shared/features/positions/positions-feature';
import { officeDay } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { formatDate } from '../../lib/format';
import { navigate, routePath } from '../../lib/router';
import { useUiStore } from '../../lib/ui-store';

type Props = { cardId: string; state: WorkspaceState };

/** The card dialog's positions (P4): those that concern this initiative, each a way to the position; an adopted one with its day (P56). */
export function CardPositions({ cardId, state }: Props) {
  const { t, i18n } = useTranslation();
  const statusText = (p: Position) => {
    const endedAt = adoptedRound(state, p.id)?.endedAt;
    const status = t(`positions.status.${p.status}`);
    if (!endedAt) return status;
    const date = formatDate(officeDay(new Date(endedAt)), i18n.language);
    return p.status === 'adopted' ? t('positions.adoptedOn', { date }) : t('positions.statusAdoptedOn', { status, date });
  };
  const openCard = useUiStore((s) => s.openCard);
  const positions = positionsOfCard(state.positions, cardId);
  const open = (positionId: string) => {
    openCard(null);
    navigate(routePath({ name: 'position', positionId }));
  };
  return (
    <section className="dialog-section card-positions" aria-labelledby="card-positions-heading">
      <h3 id="card-positions-heading">{t('positions.cardHeading')}</h3>
      {positions.length === 0 && <p className="muted">{t('positions.noneOnCard')}</p>}
      {positions.length > 0 && (
        <ul className="plain-list">
          {positions.map((p) => (
            <li key={p.id}>
              <button type="button" className="button button-quiet" onClick={() => open(p.id)}>
                {p.title}
              </button>{' '}
              <span className="muted">({statusText(p)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { positionsOfCard } from '@verbund/shared/features/positions/positions-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import { navigate, routePath } from '../../lib/router';
import { useUiStore } from '../../lib/ui-store';

type Props = { cardId: string; state: WorkspaceState };

/** The card dialog's positions (P4): those that concern this initiative, each a way to the position. */
export function CardPositions({ cardId, state }: Props) {
  const { t } = useTranslation();
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
              <span className="muted">({t(`positions.status.${p.status}`)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

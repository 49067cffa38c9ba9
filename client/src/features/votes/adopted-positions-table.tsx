import { useTranslation } from 'react-i18next';
import type { AdoptedPositionEntry } from '@verbund/shared/decision-register';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import { DataTable } from '../../components/data-table';
import { formatDate } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { addresseeText } from '../../lib/position-text';
import { onLinkClick, routePath } from '../../lib/router';

type Props = { entries: AdoptedPositionEntry[]; state: WorkspaceState; people: Person[] };

/**
 * The register's adopted positions (P56): what was adopted for whom, when, on which version, and who
 * signed for each partner (the approvals the server read for the signature page, in that order).
 */
export function AdoptedPositionsTable({ entries, state, people }: Props) {
  const { t, i18n } = useTranslation();
  const name = (personId: string) => nameOf(t, people, state.partners, personId);
  return (
    <DataTable
      caption={t('decisions.positionsCaption', { count: entries.length })}
      columns={[t('decisions.position'), t('decisions.addressee'), t('decisions.adoptedOn'), t('decisions.version'), t('decisions.signedBy'), t('decisions.cards')]}
      empty={entries.length === 0 ? t('decisions.noPositions') : null}
      className="decisions-table register-positions"
    >
      {entries.map((entry) => (
        <tr key={entry.id}>
          <th scope="row">
            <a href={routePath({ name: 'position', positionId: entry.positionId })} onClick={onLinkClick}>
              {entry.title}
            </a>
          </th>
          <td>{addresseeText(t, entry)}</td>
          <td>{formatDate(entry.adoptedOn, i18n.language)}</td>
          <td>
            {entry.version.name || t('signoff.unknownVersion')}{' '}
            <code className="hash" title={t('signoff.hashTitle', { hash: entry.version.hash })}>
              {entry.version.hash.slice(0, 12)}
            </code>
          </td>
          <td>
            <ul className="plain-list register-signatures">
              {entry.approvals.map((approval) => (
                <li key={approval.partnerId}>
                  <strong>{state.partners[approval.partnerId]?.name ?? t('signoff.unknownPartner')}:</strong> {name(approval.by)}
                  <span className="muted"> – {approval.onBehalfOf ? t('signoff.onBehalfOf', { name: name(approval.onBehalfOf) }) : t('roles.dezernent')}</span>
                </li>
              ))}
            </ul>
          </td>
          <td>{entry.cardIds.map((id) => state.cards[id]?.title ?? t('votes.unknownCard')).join('; ') || '–'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

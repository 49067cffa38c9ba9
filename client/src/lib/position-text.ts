import type { TFunction } from 'i18next';
import type { Position } from '@verbund/shared/features/positions/positions-feature';
import type { Partner } from '@verbund/shared/model';
import { formatDate } from './format';

/** "Land Niedersachsen" or "ITEBO (Kommunaler IT-Dienstleister)": the name, with its kind where the name alone does not say it. */
export function addresseeText(t: TFunction, position: Pick<Position, 'addressee'>): string {
  const { kind, name } = position.addressee;
  return kind === 'land' ? name : `${name} (${t(`positions.addresseeKind.${kind}`)})`;
}

export const leadText = (t: TFunction, partners: Record<string, Partner>, position: Pick<Position, 'leadPartnerId'>): string =>
  partners[position.leadPartnerId]?.name ?? t('people.unknownPartner');

export const dueText = (t: TFunction, language: string, position: Pick<Position, 'dueDate'>): string =>
  position.dueDate ? formatDate(position.dueDate, language) : t('positions.noDueDate');

import type { TFunction } from 'i18next';
import type { Partner, Person } from '@verbund/shared/model';

/**
 * How a person is named everywhere: an erased person's contributions stay, attributed to their
 * partner only (DSGVO Art. 17), and someone we do not know (yet) is named as such.
 */
export function personName(t: TFunction, person: Person | undefined, partners: Record<string, Partner>): string {
  if (!person) return t('people.unknown');
  if (person.erased || !person.name) return t('people.former', { partner: partners[person.partnerId]?.name ?? t('people.unknownPartner') });
  return person.name;
}

/** Looks the person up by id first; saves every caller the same `find`. */
export function nameOf(t: TFunction, people: readonly Person[], partners: Record<string, Partner>, personId: string): string {
  return personName(
    t,
    people.find((p) => p.id === personId),
    partners,
  );
}

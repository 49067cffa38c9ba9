import type { TFunction } from 'i18next';
import { AREAS, STATUSES, type Partner } from '@verbund/shared/model';

export type SelectOption = { value: string; label: string };

export const areaOptions = (t: TFunction): SelectOption[] => AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }));

export const statusOptions = (t: TFunction): SelectOption[] => STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));

/** Partners as "Stadt Wolfsburg (WOB)", the way every partner choice reads. */
export const partnerOptions = (partners: Iterable<Partner>): SelectOption[] => [...partners].map((p) => ({ value: p.id, label: `${p.name} (${p.shortName})` }));

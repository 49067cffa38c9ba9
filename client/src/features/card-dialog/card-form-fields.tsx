import { useTranslation } from 'react-i18next';
import { ADDRESSEES, addresseeSchema, areaSchema, statusSchema, type Card, type Partner, type Person } from '@verbund/shared/model';
import type { Draft } from './card-draft';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { personName } from '../../lib/person-name';
import { areaOptions, partnerOptions, statusOptions } from '../../lib/select-options';
import { LinksEditor } from './links-editor';

type Props = {
  idPrefix: string;
  card: Card;
  draft: Draft;
  onDraft: (patch: Draft) => void;
  partners: Partner[];
  people: Person[];
  partnerShortName: (id: string) => string;
};

function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);
}

/** Every editable field; untouched fields show the card's live value, so others' edits appear here too. */
export function CardFormFields({ idPrefix, card, draft, onDraft, partners, people, partnerShortName }: Props) {
  const { t } = useTranslation();
  const id = (name: string) => `${idPrefix}-${name}`;
  const partnerIds = draft.partnerIds ?? card.partnerIds;
  const ownerIds = draft.ownerIds ?? card.ownerIds;
  const links = draft.links ?? card.links.map((l) => ({ url: l.url, label: l.label ?? '' }));

  return (
    <>
      <TextField id={id('title')} label={t('card.title')} value={draft.title ?? card.title} maxLength={200} required onChange={(e) => onDraft({ title: e.target.value })} />
      <div className="field-grid">
        <SelectField id={id('area')} label={t('card.area')} value={draft.area ?? card.area} onChange={(v) => onDraft({ area: areaSchema.catch(card.area).parse(v) })} options={areaOptions(t)} />
        <SelectField id={id('status')} label={t('card.status')} value={draft.status ?? card.status} onChange={(v) => onDraft({ status: statusSchema.catch(card.status).parse(v) })} options={statusOptions(t)} />
        <SelectField
          id={id('lead')}
          label={t('card.leadPartner')}
          value={(draft.leadPartnerId !== undefined ? draft.leadPartnerId : card.leadPartnerId) ?? ''}
          onChange={(v) => onDraft({ leadPartnerId: v || null })}
          emptyLabel={t('card.noLead')}
          options={partnerOptions(partners)}
        />
        <TextField id={id('due')} label={t('card.dueDate')} type="date" value={draft.dueDate ?? card.dueDate ?? ''} onChange={(e) => onDraft({ dueDate: e.target.value })} />
        <SelectField
          id={id('addressee')}
          label={t('card.addressee')}
          value={(draft.addressee !== undefined ? draft.addressee : card.addressee) ?? ''}
          onChange={(v) => onDraft({ addressee: addresseeSchema.nullable().catch(null).parse(v || null) })}
          emptyLabel={t('addressee.none')}
          options={ADDRESSEES.map((a) => ({ value: a, label: t(`addressee.${a}`) }))}
        />
        <div className="field">
          <label htmlFor={id('tags')}>{t('card.tags')}</label>
          <input id={id('tags')} value={draft.tagsText ?? card.tags.join(', ')} aria-describedby={id('tags-hint')} onChange={(e) => onDraft({ tagsText: e.target.value })} />
          <span id={id('tags-hint')} className="hint">
            {t('card.tagsHint')}
          </span>
        </div>
      </div>
      <fieldset className="fieldset">
        <legend>{t('card.partners')}</legend>
        <div className="checkbox-list">
          {partners.map((p) => (
            <div key={p.id} className="checkbox">
              <input id={id(`partner-${p.id}`)} type="checkbox" checked={partnerIds.includes(p.id)} onChange={(e) => onDraft({ partnerIds: toggle(partnerIds, p.id, e.target.checked) })} />
              <label htmlFor={id(`partner-${p.id}`)}>
                {p.name} ({p.shortName})
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('card.owners')}</legend>
        <div className="checkbox-list">
          {people.filter((person) => (person.active && !person.erased) || ownerIds.includes(person.id)).map((person) => (
            <div key={person.id} className="checkbox">
              <input id={id(`owner-${person.id}`)} type="checkbox" checked={ownerIds.includes(person.id)} onChange={(e) => onDraft({ ownerIds: toggle(ownerIds, person.id, e.target.checked) })} />
              <label htmlFor={id(`owner-${person.id}`)}>
                {personName(t, person, Object.fromEntries(partners.map((p) => [p.id, p])))} ({partnerShortName(person.partnerId)})
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <LinksEditor idPrefix={idPrefix} links={links} onChange={(next) => onDraft({ links: next })} />
    </>
  );
}

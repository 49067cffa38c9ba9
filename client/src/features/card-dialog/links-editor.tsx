import { useTranslation } from 'react-i18next';

type LinkRow = { url: string; label: string };
type Props = { idPrefix: string; links: LinkRow[]; onChange: (links: LinkRow[]) => void };

export function LinksEditor({ idPrefix, links, onChange }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<LinkRow>) => onChange(links.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  return (
    <fieldset className="fieldset">
      <legend>{t('card.links')}</legend>
      {links.length === 0 && <p className="muted">{t('card.noLinks')}</p>}
      <ul className="links-editor">
        {links.map((link, index) => {
          const n = index + 1;
          return (
            <li key={index} className="link-row">
              <div className="field">
                <label htmlFor={`${idPrefix}-link-url-${index}`}>{t('card.linkUrl', { n })}</label>
                <input
                  id={`${idPrefix}-link-url-${index}`}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={link.url}
                  onChange={(e) => update(index, { url: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${idPrefix}-link-label-${index}`}>{t('card.linkLabel', { n })}</label>
                <input id={`${idPrefix}-link-label-${index}`} value={link.label} onChange={(e) => update(index, { label: e.target.value })} />
              </div>
              <button type="button" className="button button-quiet" onClick={() => onChange(links.filter((_, i) => i !== index))}>
                {t('card.removeLink', { n })}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button button-secondary" onClick={() => onChange([...links, { url: '', label: '' }])}>
        {t('card.addLink')}
      </button>
    </fieldset>
  );
}

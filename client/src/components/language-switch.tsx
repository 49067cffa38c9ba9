import { useTranslation } from 'react-i18next';
import { setLanguage } from '../lib/i18n';

/** Offers the other language, named in that language so someone who cannot read this one finds it. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'de' : 'en';
  return (
    <button type="button" className="button button-quiet" lang={other} aria-label={t('language.switchToLabel')} onClick={() => setLanguage(other)}>
      {t('language.switchTo')}
    </button>
  );
}

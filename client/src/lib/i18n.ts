import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from '../locales/de.json';
import en from '../locales/en.json';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'verbund.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'de',
  // React escapes text itself; i18next escaping would double-encode names like "R&D".
  interpolation: { escapeValue: false },
  initAsync: false,
});

function reflect(language: string): void {
  document.documentElement.lang = language;
}
reflect(i18n.language);
i18n.on('languageChanged', (language) => {
  reflect(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode may forbid storage; the choice then lasts for this page only.
  }
});

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
}

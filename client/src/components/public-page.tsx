import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

/** The frame of the pages one sees before signing in: brand, language switch, one column. */
export function PublicPage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="sign-in-page">
      <header className="sign-in-header">
        <p className="brand" aria-hidden="true">
          {t('app.name')}
        </p>
        <LanguageSwitch />
      </header>
      <main className="sign-in-main">{children}</main>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat, type ExportLanguage } from '@verbund/shared/http';

type Props = { workspaceId: string; positionId: string; headingId: string };

/** The server makes the file (rules P40–P49); the reader's language picks its labels (P44). */
export function positionExportPath(workspaceId: string, positionId: string, format: ExportFormat, language: string): string {
  const lang: ExportLanguage = language === 'en' ? 'en' : 'de';
  return `/api/workspaces/${workspaceId}/positions/${positionId}/export?${new URLSearchParams({ format, lang }).toString()}`;
}

/** Downloads of the position's text as it is stored now: PDF/A, Word and Markdown. */
export function PositionExport({ workspaceId, positionId, headingId }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('positions.export.heading')}</h3>
      <p className="muted">{t('positions.export.hint')}</p>
      <p className="export-row">
        {EXPORT_FORMATS.map((format) => (
          <a key={format} className="button button-secondary" href={positionExportPath(workspaceId, positionId, format, i18n.language)} download>
            {t(`positions.export.${format}`)}
          </a>
        ))}
      </p>
    </section>
  );
}

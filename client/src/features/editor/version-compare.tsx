import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor } from '@tiptap/react';
import type { PmDoc } from '@verbund/shared/rich-text';
import { diffExtensions, diffTexts } from './text-diff';

export type CompareSide = { label: string; content: PmDoc };
type Props = { older: CompareSide; newer: CompareSide };

/** Two versions side by side (P9): struck out in the older what the newer took out, underlined in the newer what it put in. */
export default function VersionCompare({ older, newer }: Props) {
  const { t } = useTranslation();
  const diff = useMemo(() => diffTexts(older.content, newer.content), [older.content, newer.content]);
  return (
    <div className="version-compare">
      <p className="muted" role="status">
        {diff.insertions + diff.deletions === 0 ? t('versions.same') : t('versions.changes', { insertions: t('versions.insertions', { count: diff.insertions }), deletions: t('versions.deletions', { count: diff.deletions }) })}
      </p>
      <div className="version-columns">
        <ReadOnlyText label={older.label} content={diff.older} legend={t('versions.legendDeleted')} />
        <ReadOnlyText label={newer.label} content={diff.newer} legend={t('versions.legendInserted')} />
      </div>
    </div>
  );
}

function ReadOnlyText({ label, content, legend }: { label: string; content: PmDoc; legend: string }) {
  const editor = useEditor({ extensions: diffExtensions(), content, editable: false, editorProps: { attributes: { class: 'rich-text', role: 'document', 'aria-label': label } } }, [content]);
  return (
    <section className="version-column" aria-label={label}>
      <h4>{label}</h4>
      <p className="muted small">{legend}</p>
      <EditorContent editor={editor} className="rich-text-frame rich-text-readonly" />
    </section>
  );
}

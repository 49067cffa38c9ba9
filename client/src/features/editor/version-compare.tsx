import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorContent, useEditor } from '@tiptap/react';
import type { Partner, Person } from '@verbund/shared/model';
import type { PmDoc } from '@verbund/shared/rich-text';
import { partnerColor } from '../../lib/partner-colors';
import { nameOf } from '../../lib/person-name';
import { diffExtensions, diffTexts, NOBODY, type AuthoredText, type Passage, type WriterLook } from './text-diff';

export type CompareSide = { label: string; text: AuthoredText };
type Props = { older: CompareSide; newer: CompareSide; people: Person[]; partners: Record<string, Partner> };
type LookOf = (writer: string) => WriterLook;

/**
 * Two versions side by side (P9): struck out in the older what the newer took out, underlined in the
 * newer what it put in; each passage names who wrote it (Y18), in a label and a list per side.
 */
export default function VersionCompare({ older, newer, people, partners }: Props) {
  const { t } = useTranslation();
  const diff = useMemo(() => diffTexts(older.text, newer.text), [older.text, newer.text]);
  const lookOf = useCallback<LookOf>(
    (writer) => {
      if (writer === NOBODY) {
        const color = partnerColor(partners, null);
        return { label: t('versions.nobody'), who: t('versions.nobody'), title: t('versions.writtenByNobody'), fg: color.fg, bg: color.bg };
      }
      const partnerId = people.find((p) => p.id === writer)?.partnerId;
      const color = partnerColor(partners, partnerId);
      const name = nameOf(t, people, partners, writer);
      const partner = partnerId ? partners[partnerId]?.shortName : undefined;
      const who = partner ? `${name} (${partner})` : name;
      return { label: name, who, title: t('versions.writtenBy', { name: who }), fg: color.fg, bg: color.bg };
    },
    [people, partners, t],
  );
  return (
    <div className="version-compare">
      <p className="muted" role="status">
        {diff.insertions + diff.deletions === 0 ? t('versions.same') : t('versions.changes', { insertions: t('versions.insertions', { count: diff.insertions }), deletions: t('versions.deletions', { count: diff.deletions }) })}
      </p>
      <div className="version-columns">
        <ReadOnlyText label={older.label} content={diff.older} legend={t('versions.legendDeleted')} passages={diff.passages.filter((p) => p.kind === 'deleted')} lookOf={lookOf} />
        <ReadOnlyText label={newer.label} content={diff.newer} legend={t('versions.legendInserted')} passages={diff.passages.filter((p) => p.kind === 'inserted')} lookOf={lookOf} />
      </div>
    </div>
  );
}

function ReadOnlyText({ label, content, legend, passages, lookOf }: { label: string; content: PmDoc; legend: string; passages: Passage[]; lookOf: LookOf }) {
  const editor = useEditor({ extensions: diffExtensions(lookOf), content, editable: false, editorProps: { attributes: { class: 'rich-text', role: 'document', 'aria-label': label } } }, [content, lookOf]);
  return (
    <section className="version-column" aria-label={label}>
      <h4>{label}</h4>
      <p className="muted small">{legend}</p>
      <EditorContent editor={editor} className="rich-text-frame rich-text-readonly" />
      <WritersList passages={passages} lookOf={lookOf} />
    </section>
  );
}

/** Who wrote the marked passages of one side, with how many each: the names in text, not by colour alone. */
function WritersList({ passages, lookOf }: { passages: Passage[]; lookOf: LookOf }) {
  const { t } = useTranslation();
  const counts = new Map<string, number>();
  for (const p of passages) counts.set(p.writer, (counts.get(p.writer) ?? 0) + 1);
  if (counts.size === 0) return null;
  return (
    <div className="diff-writers">
      <span className="small">{t('versions.writers')}</span>
      <ul className="plain-list">
        {[...counts].map(([writer, count]) => {
          const look = lookOf(writer);
          return (
            <li key={writer} className="small">
              <span className="diff-writer-swatch" style={{ background: look.bg, borderColor: look.fg }} aria-hidden="true" />
              {t('versions.writerPassages', { name: look.who, count })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

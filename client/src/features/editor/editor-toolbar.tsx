import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorState, type Editor } from '@tiptap/react';
import { FormError } from '../../components/form-parts';

type Props = { editor: Editor };

/** Only web and mail links: a `javascript:` or `data:` URL in a shared text would run in every reader's browser. */
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

function linkHref(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  const href = SAFE_LINK.test(value) ? value : `https://${value}`;
  try {
    return SAFE_LINK.test(new URL(href).href) ? href : null;
  } catch {
    return null;
  }
}

/**
 * The formatting a joint paper needs: headings, emphasis, lists, links, tables, undo. One tab stop,
 * arrow keys move between the buttons (the WAI-ARIA toolbar pattern); each button says whether its
 * format is on at the cursor.
 */
export function EditorToolbar({ editor }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const bar = useRef<HTMLDivElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [link, setLink] = useState('');
  const [linkError, setLinkError] = useState(false);
  const on = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const chain = () => editor.chain().focus();
  const buttons: { key: string; label: string; text: string; pressed?: boolean; disabled?: boolean; run: () => void }[] = [
    { key: 'h2', label: t('editor.heading2'), text: 'H2', pressed: on.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'h3', label: t('editor.heading3'), text: 'H3', pressed: on.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: 'bold', label: t('editor.bold'), text: t('editor.boldShort'), pressed: on.bold, run: () => chain().toggleBold().run() },
    { key: 'italic', label: t('editor.italic'), text: t('editor.italicShort'), pressed: on.italic, run: () => chain().toggleItalic().run() },
    { key: 'bullets', label: t('editor.bulletList'), text: '•', pressed: on.bullets, run: () => chain().toggleBulletList().run() },
    { key: 'numbers', label: t('editor.orderedList'), text: '1.', pressed: on.numbers, run: () => chain().toggleOrderedList().run() },
    {
      key: 'link',
      label: t('editor.link'),
      text: t('editor.linkShort'),
      pressed: on.link,
      run: () => {
        setLink(String(editor.getAttributes('link').href ?? ''));
        setLinkError(false);
        setLinkOpen(true);
      },
    },
    { key: 'table', label: t('editor.insertTable'), text: t('editor.tableShort'), disabled: on.table, run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    ...(on.table
      ? [
          { key: 'row', label: t('editor.addRow'), text: t('editor.addRowShort'), run: () => chain().addRowAfter().run() },
          { key: 'col', label: t('editor.addColumn'), text: t('editor.addColumnShort'), run: () => chain().addColumnAfter().run() },
          { key: 'delrow', label: t('editor.deleteRow'), text: t('editor.deleteRowShort'), run: () => chain().deleteRow().run() },
          { key: 'delcol', label: t('editor.deleteColumn'), text: t('editor.deleteColumnShort'), run: () => chain().deleteColumn().run() },
          { key: 'deltable', label: t('editor.deleteTable'), text: t('editor.deleteTableShort'), run: () => chain().deleteTable().run() },
        ]
      : []),
    { key: 'undo', label: t('editor.undo'), text: '↶', disabled: !on.canUndo, run: () => chain().undo().run() },
    { key: 'redo', label: t('editor.redo'), text: '↷', disabled: !on.canRedo, run: () => chain().redo().run() },
  ];

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 && event.key !== 'Home' && event.key !== 'End') return;
    const all = [...(bar.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? all.length - 1 : (at + step + all.length) % all.length;
    event.preventDefault();
    all[next]?.focus();
  };

  const applyLink = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!link.trim()) {
      chain().extendMarkRange('link').unsetLink().run();
      setLinkOpen(false);
      return;
    }
    const href = linkHref(link);
    if (!href) return setLinkError(true);
    chain().extendMarkRange('link').setLink({ href }).run();
    setLinkOpen(false);
  };

  return (
    <>
      <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')} ref={bar} onKeyDown={moveFocus}>
        {buttons.map((b, index) => (
          <button
            key={b.key}
            type="button"
            className={`editor-button editor-button-${b.key}`}
            aria-label={b.label}
            title={b.label}
            aria-pressed={b.pressed}
            disabled={b.disabled}
            tabIndex={index === 0 ? 0 : -1}
            onMouseDown={(e) => e.preventDefault()}
            onClick={b.run}
          >
            {b.text}
          </button>
        ))}
      </div>
      {linkOpen && (
        <form className="inline-form editor-link-form" onSubmit={applyLink}>
          <label htmlFor={`${id}-link`}>{t('editor.linkAddress')}</label>
          <input
            id={`${id}-link`}
            type="text"
            inputMode="url"
            value={link}
            autoFocus
            aria-invalid={linkError}
            aria-describedby={linkError ? `${id}-link-error` : undefined}
            onChange={(e) => setLink(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), setLinkOpen(false), editor.commands.focus())}
          />
          <button type="submit" className="button button-secondary">
            {link.trim() ? t('editor.linkApply') : t('editor.linkRemove')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => (setLinkOpen(false), editor.commands.focus())}>
            {t('editor.linkCancel')}
          </button>
          <FormError id={`${id}-link-error`} messageKey={linkError ? 'editor.linkInvalid' : null} />
        </form>
      )}
    </>
  );
}

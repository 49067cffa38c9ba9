import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueries } from '@tanstack/react-query';
import type { PositionVersion } from '@verbund/shared/features/positions/positions-feature';
import type { Person } from '@verbund/shared/model';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { PmDoc } from '@verbund/shared/rich-text';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormError } from '../../components/form-parts';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { useAnnouncer } from '../../lib/announcer-store';
import { errorMessageKey, toastRefusal } from '../../lib/error-messages';
import { formatDateTime } from '../../lib/format';
import { nameOf } from '../../lib/person-name';
import { queryKeys } from '../../lib/query-keys';
import { fetchVersionText, nameVersion } from './versions-api';

// The comparison renders with the editor's schema, so it comes with the editor's chunk.
const VersionCompare = lazy(() => import('../editor/version-compare'));

type Props = {
  positionId: string;
  state: WorkspaceState;
  people: Person[];
  /** Whether the text may be written now (a draft): only then an old version can be restored. */
  writable: boolean;
  onRestore: (content: PmDoc, version: PositionVersion) => void;
};

const CURRENT = 'current';

/** Named versions of the text (P8), any two compared side by side (P9), an old one restored as a new edit. */
export function VersionsSection({ positionId, state, people, writable, onRestore }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId().replace(/:/g, '');
  const workspaceId = state.workspaceId;
  const versions = state.positionVersions[positionId] ?? [];
  const [name, setName] = useState('');
  const [compare, setCompare] = useState<{ older: string; newer: string } | null>(null);
  const [older, setOlder] = useState('');
  const [newer, setNewer] = useState(CURRENT);
  const [restoring, setRestoring] = useState<PositionVersion | null>(null);

  const naming = useMutation({
    mutationFn: (versionName: string) => nameVersion(workspaceId, positionId, versionName),
    onSuccess: (version) => {
      setName('');
      useAnnouncer.getState().announce(t('versions.named', { name: version.name }));
    },
  });
  const restore = useMutation({
    mutationFn: (version: PositionVersion) => fetchVersionText(workspaceId, positionId, version.id),
    onSuccess: (text, version) => onRestore(text.content, version),
    onError: toastRefusal,
  });
  const texts = useQueries({
    queries: (compare ? [compare.older, compare.newer] : []).map((versionId) => ({
      queryKey: queryKeys.versionText(workspaceId, positionId, versionId),
      queryFn: () => fetchVersionText(workspaceId, positionId, versionId),
      // A named version never changes; the current text is read again for each comparison.
      staleTime: versionId === CURRENT ? 0 : Infinity,
    })),
  });

  const labelOf = (versionId: string) => (versionId === CURRENT ? t('versions.current') : (versions.find((v) => v.id === versionId)?.name ?? ''));
  const options = [...versions].reverse().map((v) => ({ value: v.id, label: `${v.name} (${formatDateTime(v.namedAt, i18n.language)})` }));
  const submitName = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim()) naming.mutate(name.trim());
  };
  const showCompare = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (older && newer && older !== newer) setCompare({ older, newer });
  };
  const [olderText, newerText] = texts;

  return (
    <section className="panel" aria-labelledby={`${id}-versions`}>
      <h3 id={`${id}-versions`}>{t('versions.heading')}</h3>
      <p className="muted">{t('versions.hint')}</p>
      <form className="inline-form" onSubmit={submitName}>
        <TextField id={`${id}-name`} label={t('versions.name')} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button button-secondary" disabled={!name.trim() || naming.isPending}>
          {t('versions.nameAction')}
        </button>
        <FormError messageKey={naming.error ? errorMessageKey(naming.error) : null} />
      </form>

      {versions.length === 0 ? (
        <p className="muted">{t('versions.none')}</p>
      ) : (
        <ol className="plain-list version-list" reversed>
          {[...versions].reverse().map((v) => (
            <li key={v.id} className="version-entry">
              <span>
                <strong>{v.name}</strong>{' '}
                <span className="muted">
                  {t('versions.namedBy', { name: nameOf(t, people, state.partners, v.namedBy), date: formatDateTime(v.namedAt, i18n.language) })}
                </span>{' '}
                <code className="hash" title={t('versions.hashTitle', { hash: v.hash })}>
                  {v.hash.slice(0, 12)}
                </code>
              </span>
              <span className="version-actions">
                <button type="button" className="button button-quiet" onClick={() => (setOlder(v.id), setNewer(CURRENT), setCompare({ older: v.id, newer: CURRENT }))}>
                  {t('versions.compareWithCurrent', { name: v.name })}
                </button>
                {writable && (
                  <button type="button" className="button button-quiet" disabled={restore.isPending} onClick={() => setRestoring(v)}>
                    {t('versions.restore', { name: v.name })}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}

      {versions.length > 0 && (
        <form className="inline-form version-compare-form" onSubmit={showCompare}>
          <SelectField id={`${id}-older`} label={t('versions.older')} value={older} onChange={setOlder} options={options} emptyLabel={t('versions.choose')} inline />
          <SelectField id={`${id}-newer`} label={t('versions.newer')} value={newer} onChange={setNewer} options={[{ value: CURRENT, label: t('versions.current') }, ...options]} inline />
          <button type="submit" className="button button-secondary" disabled={!older || !newer || older === newer}>
            {t('versions.compare')}
          </button>
        </form>
      )}

      {compare && (olderText?.isPending || newerText?.isPending) && <p role="status">{t('versions.loading')}</p>}
      {compare && (olderText?.isError || newerText?.isError) && <p className="form-error">{t('versions.loadFailed')}</p>}
      {compare && olderText?.data && newerText?.data && (
        <Suspense fallback={<p role="status">{t('versions.loading')}</p>}>
          <VersionCompare
            older={{ label: labelOf(compare.older), text: olderText.data }}
            newer={{ label: labelOf(compare.newer), text: newerText.data }}
            people={people}
            partners={state.partners}
          />
        </Suspense>
      )}

      {restoring && (
        <ConfirmDialog
          title={t('versions.restoreTitle', { name: restoring.name })}
          confirmLabel={t('versions.restoreConfirm')}
          cancelLabel={t('versions.cancel')}
          onCancel={() => setRestoring(null)}
          onConfirm={() => {
            restore.mutate(restoring);
            setRestoring(null);
          }}
        >
          <p>{t('versions.restoreText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

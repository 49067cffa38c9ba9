import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { auditCheckpointSchema, type AuditCheckpoint, type CheckpointProblem, type CheckpointVerdict } from '@verbund/shared/http';
import { FormError } from '../../components/form-parts';
import { ApiError } from '../../lib/api';
import { useFetchCheckpoint, useVerifyCheckpoint } from './audit-api';

/** Saves the checkpoint exactly as the server signed it; its name says which entry it vouches for. */
function saveAsFile(checkpoint: AuditCheckpoint): void {
  const blob = new Blob([`${JSON.stringify(checkpoint, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `verbund-pruefpunkt-${checkpoint.seq}.json`;
  link.click();
  // Revoked a moment later: some browsers start reading the URL only after the click returned.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** A file's content as a checkpoint, or null when it is none (not JSON, or not the checkpoint shape). */
async function readCheckpoint(file: File): Promise<AuditCheckpoint | null> {
  try {
    const parsed = auditCheckpointSchema.safeParse(JSON.parse(await file.text()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const PROBLEM_KEYS: Record<CheckpointProblem, string> = {
  truncated: 'audit.checkpoint.truncated',
  diverged: 'audit.checkpoint.diverged',
  broken: 'audit.checkpoint.broken',
};

function verdictText(t: TFunction, verdict: CheckpointVerdict): string {
  if (verdict.ok) return t('audit.checkpoint.ok', { seq: verdict.seq, head: verdict.headSeq });
  return t(PROBLEM_KEYS[verdict.problem], { seq: verdict.seq, head: verdict.headSeq, brokenAt: verdict.brokenAt ?? verdict.seq });
}

const codeOf = (error: Error | null) => (error instanceof ApiError ? error.code : null);

/** Checkpoints (rule S9): downloaded for a partner to keep, checked later against the log. */
export function CheckpointSection({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const download = useFetchCheckpoint(workspaceId);
  const check = useVerifyCheckpoint(workspaceId);
  const [file, setFile] = useState<File | null>(null);
  const [notACheckpoint, setNotACheckpoint] = useState(false);

  const onDownload = () => download.mutate(undefined, { onSuccess: saveAsFile });
  const onCheck = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    check.reset();
    const checkpoint = file ? await readCheckpoint(file) : null;
    setNotACheckpoint(checkpoint === null);
    if (checkpoint) check.mutate(checkpoint);
  };

  const downloadError = download.isError ? (codeOf(download.error) === 'conflict' ? 'audit.checkpoint.brokenLog' : 'audit.checkpoint.failed') : null;
  const checkError = notACheckpoint ? 'audit.checkpoint.notACheckpoint' : check.isError ? (codeOf(check.error) === 'invalid_payload' ? 'audit.checkpoint.refused' : 'audit.checkpoint.failed') : null;

  return (
    <section className="panel" aria-labelledby="audit-checkpoint-heading">
      <h3 id="audit-checkpoint-heading">{t('audit.checkpoint.heading')}</h3>
      <p className="muted">{t('audit.checkpoint.intro')}</p>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onDownload} disabled={download.isPending}>
          {download.isPending ? t('audit.checkpoint.downloading') : t('audit.checkpoint.download')}
        </button>
        {download.data && <span role="status">{t('audit.checkpoint.downloaded', { seq: download.data.seq })}</span>}
      </div>
      <FormError messageKey={downloadError} />

      <form className="checkpoint-form" onSubmit={(e) => void onCheck(e)}>
        <div className="field">
          <label htmlFor="audit-checkpoint-file">{t('audit.checkpoint.file')}</label>
          <input
            id="audit-checkpoint-file"
            type="file"
            accept="application/json,.json"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setNotACheckpoint(false);
              check.reset();
            }}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={!file || check.isPending}>
            {check.isPending ? t('audit.checkpoint.checking') : t('audit.checkpoint.check')}
          </button>
        </div>
      </form>
      <div role="status" className="verdict-slot">
        {check.data && <p className={`verdict ${check.data.ok ? 'verdict-ok' : 'verdict-broken'}`}>{verdictText(t, check.data)}</p>}
      </div>
      <FormError messageKey={checkError} />
    </section>
  );
}

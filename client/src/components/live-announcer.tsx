import { useAnnouncer } from '../lib/announcer-store';

export function LiveAnnouncer() {
  const message = useAnnouncer((s) => s.message);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message}
    </div>
  );
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { appError, refusal, type AppError } from '@verbund/shared/errors';
import { Toasts } from '../components/toasts';
import { ME, WORKSPACE_ID } from '../test/fixtures';
import { renderInWorkspace } from '../test/render';
import { useToastStore } from './toast-store';
import { useCommand } from './use-command';

/** The client program has no server to start: the answer comes from a script, as the real server would send it. */
let answer: { status: number; body: AppError };
let requests: { url: string; body: unknown }[] = [];

beforeEach(() => {
  requests = [];
  vi.stubGlobal('fetch', (url: string, init: { body: string }) => {
    requests.push({ url, body: JSON.parse(init.body) });
    return Promise.resolve(new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } }));
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  useToastStore.setState({ toasts: [] });
});

function StepDown() {
  const command = useCommand();
  return (
    <>
      <button type="button" onClick={() => command.mutate({ type: 'member.set_roles', payload: { personId: ME.id, roles: ['member'] } })}>
        Zurücktreten
      </button>
      <p>{`Status: ${command.status}`}</p>
    </>
  );
}

async function stepDown(): Promise<void> {
  renderInWorkspace(
    <>
      <Toasts />
      <StepDown />
    </>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Zurücktreten' }));
  await screen.findByText('Status: error');
}

describe('useCommand', () => {
  it('a refusal shows the sentence for its reason, not the one for its code', async () => {
    answer = { status: 409, body: refusal('conflict', 'last_admin', 'the workspace needs at least one admin') };
    await stepDown();
    expect(requests).toEqual([{ url: `/api/workspaces/${WORKSPACE_ID}/commands`, body: expect.objectContaining({ type: 'member.set_roles' }) as unknown }]);
    expect(screen.getByRole('alert')).toHaveTextContent('Das geht nicht: Der Verbund braucht mindestens eine Person mit Administrationsrechten.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('weil sich die Initiative inzwischen geändert hat');
  });

  it('a refusal without a reason shows the text for its code; an ended session shows nothing, signing out explains it', async () => {
    answer = { status: 403, body: appError('forbidden', 'you may not member.set_roles') };
    await stepDown();
    expect(screen.getByRole('alert')).toHaveTextContent('Die Änderung wurde nicht gespeichert: Dazu fehlt Ihnen die Berechtigung.');
    cleanup();
    useToastStore.setState({ toasts: [] });

    answer = { status: 401, body: appError('unauthenticated', 'please sign in') };
    await stepDown();
    expect(screen.getByRole('alert')).toBeEmptyDOMElement();
  });
});

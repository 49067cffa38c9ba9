import { ESLint } from 'eslint';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '@verbund/shared/events';
import type { WorkspaceState } from '@verbund/shared/projection';
import { ADMIN_READER, eventsToWire, MEMBER_READER, selectWire, stateToWire } from '../domain/wire.js';
import { sendAnswer } from './answer.js';

/**
 * Issue 9 item 2 for HTTP: a route answers with `sendAnswer`, which takes workspace data only as
 * `Wire`. `pnpm typecheck` compiles this function; each `@ts-expect-error` fails the build the day
 * a raw value could be sent. The lint rule below keeps routes from going around it with `res.json`.
 */
export function rawValuesDoNotCompile(res: Response, events: StoredEvent[], state: WorkspaceState): void {
  // @ts-expect-error raw state cannot be an answer (it has a workspaceId, like a created workspace)
  sendAnswer(res, state);
  sendAnswer(res, stateToWire(state, MEMBER_READER));
  // @ts-expect-error raw stored events cannot be an answer
  sendAnswer(res, events);
  sendAnswer(res, eventsToWire(events, MEMBER_READER, state));
  // @ts-expect-error an audit page of raw events cannot be an answer
  sendAnswer(res, { events, nextBeforeSeq: null });
  sendAnswer(res, { events: selectWire([eventsToWire(events, ADMIN_READER, state)], (e) => e.slice(0, 10)), nextBeforeSeq: null });
  // @ts-expect-error a raw command result cannot be an answer
  sendAnswer(res, { seq: 1, events });
}

describe('HTTP answers (issue 9 item 2)', () => {
  const lint = async (code: string, filePath: string) => {
    const eslint = new ESLint({ cwd: process.cwd() });
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };

  it('a route that sends JSON around sendAnswer fails the lint, in every server module', async () => {
    const code = "import type { Response } from 'express';\nexport const send = (res: Response, state: unknown) => res.json(state);\n";
    for (const file of ['server/src/http/workspace-routes.ts', 'server/src/live/socket-server.ts', 'server/src/app.ts']) {
      expect(await lint(code, file)).toEqual([expect.stringContaining('sendAnswer')]);
    }
    expect(await lint(code.replace('res.json(state)', "res.status(200).json(state)"), 'server/src/http/vote-routes.ts')).toHaveLength(1);
  }, 60_000);

  it('sendAnswer itself and the error answer may call res.json', async () => {
    const code = "import type { Response } from 'express';\nexport const send = (res: Response, body: unknown) => res.json(body);\n";
    expect(await lint(code, 'server/src/http/answer.ts')).toEqual([]);
    expect(await lint(code, 'server/src/http/errors.ts')).toEqual([]);
  }, 60_000);
});

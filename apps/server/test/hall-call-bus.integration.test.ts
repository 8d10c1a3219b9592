import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CallShown } from '@tongban/contracts';
import { publishCall, startCallBus, stopCallBus, subscribeCalls } from '../src/modules/hall/call-bus';
import type { Deps } from '../src/platform/app-types';
import { systemClock } from '../src/platform/clock';
import { openDatabase, type DatabaseHandle } from '../src/platform/db';
import { testConfig } from './templates';

/**
 * QUE-1: a call reaches the hall's screens within moments. The call screen may be served by another
 * server process than the clerk's console: on PostgreSQL calls travel through NOTIFY to every
 * process; on the embedded database (one process) they go straight to its screens.
 */
const call = (n: string): CallShown => ({
  ticketNumber: n,
  windowNumber: 'A01',
  windowName: '综合窗口',
  at: new Date().toISOString(),
  recall: false,
});

/** Resolves with the first call a subscription receives. */
const nextCall = (deps: Deps, hallId: string) =>
  new Promise<CallShown>((resolve) => {
    const off = subscribeCalls(deps.db, hallId, (c) => {
      off();
      resolve(c);
    });
  });

const opened: { handle: DatabaseHandle; dir: string }[] = [];
async function serverProcess(url: string): Promise<Deps> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bus-'));
  const handle = await openDatabase({ url });
  opened.push({ handle, dir });
  const config = { ...testConfig(dir), databaseUrl: url };
  return { db: handle.db, dbKind: handle.kind, clock: systemClock, config };
}
afterAll(async () => {
  for (const { handle, dir } of opened) {
    await stopCallBus(handle.db);
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('hall call bus', () => {
  it('QUE-1: on the embedded database a call reaches the screens of its process', async () => {
    // One process, no channel: the bus never touches the database, so none is opened here.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tongban-bus-'));
    const deps: Deps = {
      db: {} as Deps['db'],
      dbKind: 'pglite',
      clock: systemClock,
      config: testConfig(dir),
    };
    rmSync(dir, { recursive: true, force: true });
    await startCallBus(deps);
    const hallId = randomUUID();
    const seen = nextCall(deps, hallId);
    await publishCall(deps, hallId, call('A001'));
    expect((await seen).ticketNumber).toBe('A001');
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'QUE-1: on PostgreSQL a call made through one process reaches a screen served by another',
    async () => {
      const url = process.env.TEST_DATABASE_URL!;
      const clerkSide = await serverProcess(url);
      const screenSide = await serverProcess(url);
      await startCallBus(clerkSide);
      await startCallBus(screenSide);
      const hallId = randomUUID();
      const onScreen = nextCall(screenSide, hallId);
      const onOwn = nextCall(clerkSide, hallId);
      await publishCall(clerkSide, hallId, call('B007'));
      expect((await onScreen).ticketNumber).toBe('B007');
      // Delivered once to the calling process's own screens too (through the same channel).
      expect((await onOwn).ticketNumber).toBe('B007');
    },
  );
});

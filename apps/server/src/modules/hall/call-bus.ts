import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { CallShown } from '@tongban/contracts';
import type { Deps } from '../../platform/app-types';
import type { Db } from '../../platform/db';
import { sql } from '../../platform/db';

/**
 * Calls on their way to the hall's screens (QUE-1), published after the call commits.
 *
 * On PostgreSQL the call goes through `NOTIFY` on one channel and every server process `LISTEN`s on
 * it, so a screen connected to one process sees the calls a clerk made through another (several
 * processes behind one address). The embedded database has one process: calls go straight to the
 * process's own screens. A process whose listening connection is not up (yet, or lost) also delivers
 * locally, so its own screens never miss a call.
 */
export const CALL_CHANNEL = 'tongban_hall_call';

type Listener = (call: CallShown) => void;
type Bus = {
  local: EventEmitter;
  listening: boolean;
  client: pg.Client | null;
  closed: boolean;
};

const buses = new WeakMap<Db, Bus>();

function busOf(db: Db): Bus {
  let bus = buses.get(db);
  if (!bus) {
    const local = new EventEmitter();
    local.setMaxListeners(0);
    bus = { local, listening: false, client: null, closed: false };
    buses.set(db, bus);
  }
  return bus;
}

/** Starts listening for calls made through other processes (PostgreSQL only). */
export async function startCallBus(deps: Deps): Promise<void> {
  const bus = busOf(deps.db);
  const url = deps.config.databaseUrl;
  if (deps.dbKind !== 'postgres' || !url || bus.client) return;
  const client = new pg.Client({ connectionString: url });
  bus.client = client;
  client.on('notification', (n) => {
    if (n.channel !== CALL_CHANNEL || !n.payload) return;
    try {
      const { hallId, call } = JSON.parse(n.payload) as { hallId: string; call: CallShown };
      bus.local.emit(hallId, call);
    } catch {
      /* a payload not ours: ignored */
    }
  });
  client.on('error', () => {
    // The listening connection is gone: this process's own calls go to its screens directly.
    bus.listening = false;
  });
  client.on('end', () => {
    bus.listening = false;
  });
  try {
    await client.connect();
    await client.query(`listen ${CALL_CHANNEL}`);
    bus.listening = !bus.closed;
  } catch {
    bus.listening = false;
  }
}

export async function stopCallBus(db: Db): Promise<void> {
  const bus = buses.get(db);
  if (!bus) return;
  bus.closed = true;
  bus.listening = false;
  const c = bus.client;
  bus.client = null;
  if (c) await c.end().catch(() => undefined);
}

export async function publishCall(deps: Deps, hallId: string, call: CallShown): Promise<void> {
  const bus = busOf(deps.db);
  if (bus.listening) {
    try {
      await sql`select pg_notify(${CALL_CHANNEL}, ${JSON.stringify({ hallId, call })})`.execute(deps.db);
      return;
    } catch {
      /* fall through: at least this process's screens get it */
    }
  }
  bus.local.emit(hallId, call);
}

export function subscribeCalls(db: Db, hallId: string, listener: Listener): () => void {
  const { local } = busOf(db);
  local.on(hallId, listener);
  return () => local.off(hallId, listener);
}

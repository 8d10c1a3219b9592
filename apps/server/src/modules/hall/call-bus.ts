import { EventEmitter } from 'node:events';
import type { CallShown } from '@tongban/contracts';

/**
 * Calls on their way to the hall's screens (QUE-1): published after the call commits, delivered to
 * the server-sent-event streams of this process. Several processes behind one address would need a
 * shared channel (PostgreSQL LISTEN/NOTIFY); one process serves a county hall.
 */
const bus = new EventEmitter();
bus.setMaxListeners(0);

export function publishCall(hallId: string, call: CallShown): void {
  bus.emit(hallId, call);
}

export function subscribeCalls(hallId: string, listener: (call: CallShown) => void): () => void {
  bus.on(hallId, listener);
  return () => bus.off(hallId, listener);
}

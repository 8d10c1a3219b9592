import type { MessageParams } from '@tongban/contracts';
import type { ChannelAdapter, OutboxMessage } from '../../../platform/outbox';
import { deliverToInbox } from './deliver-to-inbox';

/**
 * The outbox's `site` channel: a message to a staff member (an urged case, an extension waiting for
 * the head, a measure coming due) becomes an item in their inbox. Delivered through the claim's
 * transaction, once: the outbox id is the dedupe key, so a retried delivery writes nothing twice.
 */
export function inboxSiteAdapter(): ChannelAdapter {
  return {
    channel: 'site',
    deliver: async (m: OutboxMessage, db) => {
      if (!m.recipientUserId) return;
      await deliverToInbox(db, {
        regionCode: m.regionCode,
        recipientUserIds: [m.recipientUserId],
        kind: m.kind,
        title: m.subject,
        body: m.body,
        params: m.params as MessageParams | null,
        link: m.link,
        dedupeKey: `outbox:${m.id}`,
      });
    },
  };
}

import { Id, InboxCounts, InboxList, InboxQuery, NoContent } from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { requireActor } from '../../platform/request-context';
import { countInbox, listInbox } from './use-cases/list-inbox';
import { markAllInboxRead, markInboxRead } from './use-cases/mark-inbox-read';

const tags = ['inbox'];
// These actions take nothing but the path: the body is an empty object, anything else is refused.
const NoBody = z.strictObject({});

export async function inboxRoutes(app: AppInstance) {
  const d = app.deps;
  app.get(
    '/api/inbox',
    {
      schema: { tags, summary: '我的站内消息与待办', querystring: InboxQuery, response: { 200: InboxList } },
    },
    async (req) => listInbox(d, requireActor(req), req.query),
  );
  app.get(
    '/api/inbox/counts',
    { schema: { tags, summary: '未读消息与未办待办数', response: { 200: InboxCounts } } },
    async (req) => countInbox(d, requireActor(req)),
  );
  app.post(
    '/api/inbox/:id/read',
    {
      schema: {
        tags,
        summary: '标记已读',
        params: z.object({ id: Id }),
        body: NoBody,
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      await markInboxRead(d, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/inbox/read-all',
    { schema: { tags, summary: '全部标记已读', body: NoBody, response: { 204: NoContent } } },
    async (req, reply) => {
      await markAllInboxRead(d, requireActor(req));
      return reply.status(204).send(null);
    },
  );
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUserIdsByRole } from '../src/modules/auth';
import { closeInboxTodos, deliverToInbox, inboxSiteAdapter } from '../src/modules/inbox';
import { channelTransport, deliverDue, enqueue, type OutboxMessage } from '../src/platform/outbox';
import { SYSTEM_ACTOR } from '../src/platform/access';
import { runCommand } from '../src/platform/command';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

/**
 * 站内消息与待办: an item exists only if the change it is about commits; each person reads and marks
 * only their own; a to-do closes when its module says the work is done.
 */
describe.each(dbKinds())('inbox (%s)', (kind) => {
  let t: TestApp;
  let head: Client;
  let clerk: Client;
  let headId: string;
  let todosBefore = 0;
  let unreadBefore = 0;
  beforeAll(async () => {
    t = await createTestApp(kind);
    head = await signIn(t.app, 'depthead');
    clerk = await signIn(t.app, 'clerk');
    headId = head.user.id;
  });
  afterAll(async () => t.close());

  it('finds recipients by role and delivers a to-do with the change; a failed change leaves no item', async () => {
    const before = (await head.request('GET', '/api/inbox/counts')).body as {
      unread: number;
      openTodos: number;
    };
    todosBefore = before.openTodos;
    unreadBefore = before.unread;
    const heads = await listUserIdsByRole(t.deps.db, { regionCode: '350999', role: 'dept_head' });
    expect(heads).toContain(headId);
    const delivered = await runCommand(t.deps, SYSTEM_ACTOR, async () => ({
      result: 'ok',
      inbox: [
        {
          regionCode: '350999',
          recipientUserIds: [headId, headId],
          kind: 'test.order',
          title: '督办单：请于3个工作日内答复',
          link: '/supervision/orders/x',
          entityType: 'test_order',
          entityId: 'x',
          isTodo: true,
        },
      ],
    }));
    expect(delivered).toBe('ok');
    await expect(
      runCommand(t.deps, SYSTEM_ACTOR, async ({ tx }) => {
        await deliverToInbox(tx, {
          regionCode: '350999',
          recipientUserIds: [headId],
          kind: 'test.order',
          title: '不应存在',
        });
        throw new Error('变更失败');
      }),
    ).rejects.toThrow('变更失败');

    const list = await head.request('GET', '/api/inbox');
    expect(list.status).toBe(200);
    const titles = (list.body.items as { title: string }[]).map((i) => i.title);
    expect(titles.filter((x) => x === '督办单：请于3个工作日内答复')).toHaveLength(1);
    expect(titles).not.toContain('不应存在');
    // Other modules' demo data put their own items here too: count this one's effect.
    expect(list.body.openTodos).toBe(todosBefore + 1);
    expect(list.body.unread).toBe(unreadBefore + 1);
  });

  it('another person can neither see nor mark the item; the owner marks it read', async () => {
    const item = (await head.request('GET', '/api/inbox?filter=todo')).body.items.find(
      (i: { kind: string }) => i.kind === 'test.order',
    ) as { id: string };
    expect(
      (await clerk.request('GET', '/api/inbox')).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(item.id);
    const other = await clerk.request('POST', `/api/inbox/${item.id}/read`, {});
    expect(other.status, JSON.stringify(other.body)).toBe(404);
    expect((await head.request('GET', '/api/inbox/counts')).body.unread).toBe(unreadBefore + 1);
    expect((await head.request('POST', `/api/inbox/${item.id}/read`, {})).status).toBe(204);
    expect((await head.request('GET', '/api/inbox/counts')).body).toEqual({
      unread: unreadBefore,
      openTodos: todosBefore + 1,
    });
  });

  it('a to-do closes when its module says the work is done; dedupe keys deliver once', async () => {
    await t.deps.db
      .transaction()
      .execute((tx) =>
        closeInboxTodos(tx, { regionCode: '350999', entityType: 'test_order', entityId: 'x' }, new Date()),
      );
    expect((await head.request('GET', '/api/inbox/counts')).body.openTodos).toBe(todosBefore);
    for (let i = 0; i < 2; i++) {
      await t.deps.db.transaction().execute((tx) =>
        deliverToInbox(tx, {
          regionCode: '350999',
          recipientUserIds: [headId],
          kind: 'test.daily',
          title: '每日提醒',
          dedupeKey: 'daily:2026-12-03',
        }),
      );
    }
    const daily = (await head.request('GET', '/api/inbox')).body.items.filter(
      (i: { kind: string }) => i.kind === 'test.daily',
    );
    expect(daily).toHaveLength(1);
  });

  it('issue 14 point 10: an urged case reaches the handler as an inbox item that opens the case', async () => {
    const others: OutboxMessage[] = [];
    const transport = channelTransport([inboxSiteAdapter()], {
      name: 'rest',
      send: async (m) => void others.push(m),
    });
    // Whatever the demo left queued goes first.
    while ((await deliverDue(t.deps, transport)).claimed > 0);
    await t.deps.db.transaction().execute((tx) =>
      enqueue(tx, {
        regionCode: '350999',
        kind: 'case.urged',
        recipientUserId: headId,
        channel: 'site',
        subject: '催办',
        body: '办件 X 被催办：请加快办理',
        link: '/cases/abc',
        dedupeKey: 'test-urge-1',
        availableAt: t.clock.now(),
      }),
    );
    const round = await deliverDue(t.deps, transport);
    expect(round.sent).toBeGreaterThanOrEqual(1);
    const urged = (await head.request('GET', '/api/inbox')).body.items.filter(
      (i: { kind: string; body: string }) =>
        i.kind === 'case.urged' && i.body === '办件 X 被催办：请加快办理',
    );
    expect(urged).toHaveLength(1);
    expect(urged[0].link).toBe('/cases/abc');
  });
});

import { creditCodeCheckChar } from '@tongban/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSeed } from '../src/modules/trading';
import { createTestApp, dbKinds, signIn, type Client, type TestApp } from './harness';

const credit = (n: number) => {
  const first = `91350999MA4${String(n).padStart(6, '0')}`;
  return first + creditCodeCheckChar(first)!;
};

/** Issue 22: the intermediary market — self-registration, item links, the three ways to choose. */
describe.each(dbKinds())('intermediaries (%s)', (kind) => {
  let t: TestApp;
  let clerk: Client;
  let head: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    clerk = await signIn(t.app, 'clerk');
    head = await signIn(t.app, 'depthead');
  });
  afterAll(() => t.close());

  const register = (n: number, serviceKinds: string[]) =>
    t.app.inject({
      method: 'POST',
      url: '/api/public/intermediaries',
      payload: {
        regionCode: '350999',
        name: `测试鉴定所${n}`,
        creditCode: credit(n),
        licenceNo: `LIC${n}`,
        serviceKinds,
        staffCount: 5,
      },
    });

  it('an intermediary registers without approval and is chosen by a random draw from a committed seed', async () => {
    const r = await register(1, ['appraisal']);
    expect(r.statusCode, r.body).toBe(200);
    const { id, token } = r.json();
    expect((await register(1, ['appraisal'])).json().code).toBe('INTERMEDIARY_EXISTS');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/public/intermediaries',
      payload: {
        regionCode: '350999',
        name: 'x',
        creditCode: '91350999MA40000019',
        licenceNo: 'LIC9',
        serviceKinds: ['testing'],
        staffCount: 1,
      },
    });
    expect(bad.statusCode).toBe(400);
    const market = (
      await t.app.inject({ method: 'GET', url: '/api/public/intermediaries?serviceKind=appraisal' })
    ).json();
    expect(market.items.map((i: { id: string }) => i.id)).toEqual([id]);

    const need = await clerk.request('POST', '/api/intermediaries/purchases', {
      title: '房屋安全鉴定',
      ownerName: '云溪县住房和城乡建设局',
      serviceKind: 'appraisal',
      budgetYuan: 30000,
      method: 'draw',
    });
    expect(need.status).toBe(200);
    const before = (await clerk.request('GET', '/api/intermediaries/purchases')).body.items.find(
      (p: { id: string }) => p.id === need.body.id,
    );
    expect(before.seedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(before.seed).toBeNull();
    expect(
      (await clerk.request('POST', `/api/intermediaries/purchases/${need.body.id}/select`, {})).status,
    ).toBe(200);
    const after = (await clerk.request('GET', '/api/intermediaries/purchases')).body.items.find(
      (p: { id: string }) => p.id === need.body.id,
    );
    expect(after.chosenId).toBe(id);
    expect(hashSeed(after.seed)).toBe(before.seedHash);
    expect(after.candidates).toEqual([id]);
    expect(
      (await clerk.request('POST', `/api/intermediaries/purchases/${need.body.id}/select`, {})).body.code,
    ).toBe('INTERMEDIARY_PURCHASE_STATE');
    expect(
      (
        await clerk.request('POST', `/api/intermediaries/purchases/${need.body.id}/advance`, {
          action: 'complete',
          rating: 5,
        })
      ).body.code,
    ).toBe('INTERMEDIARY_PURCHASE_STATE');
    expect(
      (
        await clerk.request('POST', `/api/intermediaries/purchases/${need.body.id}/advance`, {
          action: 'contract',
        })
      ).body.code,
    ).toBe('INTERMEDIARY_FIELD_REQUIRED');
    expect(
      (
        await clerk.request('POST', `/api/intermediaries/purchases/${need.body.id}/advance`, {
          action: 'contract',
          priceYuan: 28000,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await clerk.request('POST', `/api/intermediaries/purchases/${need.body.id}/advance`, {
          action: 'complete',
          rating: 5,
        })
      ).status,
    ).toBe(200);

    // A link to an approval item goes to the department head with a deadline; the head checks it.
    const dept = head.user.departmentId!;
    const link = await t.app.inject({
      method: 'POST',
      url: '/api/public/intermediaries/links',
      payload: { token, itemName: '房屋安全鉴定报告备案', departmentId: dept },
    });
    expect(link.statusCode, link.body).toBe(200);
    const links = (await head.request('GET', '/api/intermediaries/links')).body.items;
    expect(links[0]).toMatchObject({ status: 'pending', overdue: false });
    expect(
      (await head.request('POST', `/api/intermediaries/links/${link.json().id}/check`, { approve: true }))
        .status,
    ).toBe(200);
    expect(
      (await head.request('POST', `/api/intermediaries/links/${link.json().id}/check`, { approve: true }))
        .body.code,
    ).toBe('INTERMEDIARY_LINK_CHECKED');
  });

  it('quotes choose the lowest; a direct choice must offer the service', async () => {
    const a = (await register(2, ['surveying'])).json();
    const b = (await register(3, ['surveying'])).json();
    const need = await clerk.request('POST', '/api/intermediaries/purchases', {
      title: '地形测绘',
      ownerName: '云溪县自然资源局',
      serviceKind: 'surveying',
      budgetYuan: 30000,
      method: 'quote',
    });
    expect(
      (await clerk.request('POST', `/api/intermediaries/purchases/${need.body.id}/select`, {})).body.code,
    ).toBe('INTERMEDIARY_NO_QUOTES');
    for (const [tok, amount] of [
      [a.token, 25000],
      [b.token, 23000],
    ] as const) {
      const q = await t.app.inject({
        method: 'POST',
        url: '/api/public/intermediaries/quotes',
        payload: { token: tok, purchaseId: need.body.id, amountYuan: amount },
      });
      expect(q.statusCode, q.body).toBe(200);
    }
    expect(
      (await clerk.request('POST', `/api/intermediaries/purchases/${need.body.id}/select`, {})).status,
    ).toBe(200);
    const got = (await clerk.request('GET', '/api/intermediaries/purchases')).body.items.find(
      (p: { id: string }) => p.id === need.body.id,
    );
    expect(got).toMatchObject({ chosenId: b.id, priceYuan: 23000 });
    const direct = await clerk.request('POST', '/api/intermediaries/purchases', {
      title: '结构设计',
      ownerName: '县教育局',
      serviceKind: 'design',
      budgetYuan: 30000,
      method: 'direct',
    });
    expect(
      (
        await clerk.request('POST', `/api/intermediaries/purchases/${direct.body.id}/select`, {
          intermediaryId: a.id,
        })
      ).body.code,
    ).toBe('INTERMEDIARY_NOT_QUALIFIED');
  });
});

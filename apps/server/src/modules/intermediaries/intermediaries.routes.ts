import {
  ComplaintCreate,
  CreatedId,
  Id,
  IntermediariesOk,
  IntermediaryList,
  IntermediaryRegister,
  IntermediaryRegistered,
  ItemLinkList,
  LinkCheck,
  LinkRequest,
  MarketFigures,
  MarketQuery,
  MarketRuleList,
  PurchaseAdvance,
  PurchaseCreate,
  PurchaseList,
  PurchaseSelect,
  QuoteCreate,
  RuleCreate,
} from '@tongban/contracts';
import { z } from 'zod';
import { assertAccess } from '../../platform/access';
import type { AppInstance } from '../../platform/app-types';
import { limitPerClient } from '../../platform/rate-limit';
import { publicActor, requireActor } from '../../platform/request-context';
import { checkLink, listLinks, requestLink } from './use-cases/link-item';
import { fileComplaint, getMarketFigures, listRules, publishRule } from './use-cases/market-rules';
import {
  advancePurchase,
  createPurchase,
  listPurchases,
  selectIntermediary,
  submitQuote,
} from './use-cases/purchases';
import { listMarket, registerIntermediary } from './use-cases/register-intermediary';

const tags = ['intermediaries'];
const pub = ['public'];
const IdParams = z.object({ id: Id });
const RegionQuery = z.object({ regionCode: MarketQuery.shape.regionCode });
const OK = { ok: true } as const;
// SEC-2: every public route is rate-limited per client address.
const WRITE_LIMIT = { rateLimit: limitPerClient(20, 60_000) };
const READ_LIMIT = { rateLimit: limitPerClient(120, 60_000) };

export async function intermediariesRoutes(app: AppInstance) {
  const d = app.deps;
  // ── public: self-registration, the market, quotes, complaints ──
  app.post(
    '/api/public/intermediaries',
    {
      schema: {
        tags: pub,
        summary: '中介机构自主入驻（无需审批）',
        body: IntermediaryRegister,
        response: { 200: IntermediaryRegistered },
      },
      config: WRITE_LIMIT,
    },
    async (req) => registerIntermediary(d, publicActor(req, req.body.regionCode), req.body),
  );
  app.get(
    '/api/public/intermediaries',
    {
      schema: {
        tags: pub,
        summary: '中介超市：入驻机构',
        querystring: MarketQuery,
        response: { 200: IntermediaryList },
      },
      config: READ_LIMIT,
    },
    async (req) => listMarket(d, req.query.regionCode, req.query.serviceKind),
  );
  app.get(
    '/api/public/intermediaries/purchases',
    {
      schema: {
        tags: pub,
        summary: '中介超市：采购需求与结果',
        querystring: RegionQuery,
        response: { 200: PurchaseList },
      },
      config: READ_LIMIT,
    },
    async (req) => listPurchases(d, req.query.regionCode),
  );
  app.get(
    '/api/public/intermediaries/rules',
    {
      schema: {
        tags: pub,
        summary: '中介超市规则与收费目录',
        querystring: RegionQuery,
        response: { 200: MarketRuleList },
      },
      config: READ_LIMIT,
    },
    async (req) => listRules(d, req.query.regionCode),
  );
  app.post(
    '/api/public/intermediaries/links',
    {
      schema: {
        tags: pub,
        summary: '中介机构申请关联审批事项',
        body: LinkRequest,
        response: { 200: CreatedId },
      },
      config: WRITE_LIMIT,
    },
    async (req) => requestLink(d, publicActor(req, ''), req.body),
  );
  app.post(
    '/api/public/intermediaries/quotes',
    {
      schema: { tags: pub, summary: '中介机构报价', body: QuoteCreate, response: { 200: IntermediariesOk } },
      config: WRITE_LIMIT,
    },
    async (req) => (await submitQuote(d, publicActor(req, ''), req.body), OK),
  );
  app.post(
    '/api/public/intermediaries/complaints',
    {
      schema: { tags: pub, summary: '对中介服务投诉', body: ComplaintCreate, response: { 200: CreatedId } },
      config: WRITE_LIMIT,
    },
    async (req) => fileComplaint(d, publicActor(req, ''), req.body),
  );
  // ── staff ──
  app.get(
    '/api/intermediaries/links',
    { schema: { tags, summary: '事项关联核验', response: { 200: ItemLinkList } } },
    async (req) => listLinks(d, requireActor(req)),
  );
  app.post(
    '/api/intermediaries/links/:id/check',
    {
      schema: {
        tags,
        summary: '部门核验事项关联',
        params: IdParams,
        body: LinkCheck,
        response: { 200: IntermediariesOk },
      },
    },
    async (req) => (await checkLink(d, requireActor(req), req.params.id, req.body), OK),
  );
  app.get(
    '/api/intermediaries/purchases',
    { schema: { tags, summary: '采购需求', response: { 200: PurchaseList } } },
    async (req) => {
      const actor = requireActor(req);
      assertAccess(actor, 'intermediaries.read');
      return listPurchases(d, actor.regionCode);
    },
  );
  app.post(
    '/api/intermediaries/purchases',
    { schema: { tags, summary: '发布采购需求', body: PurchaseCreate, response: { 200: CreatedId } } },
    async (req) => createPurchase(d, requireActor(req), req.body),
  );
  app.post(
    '/api/intermediaries/purchases/:id/select',
    {
      schema: {
        tags,
        summary: '选取中介（直接、随机抽取、竞价）',
        params: IdParams,
        body: PurchaseSelect,
        response: { 200: IntermediariesOk },
      },
    },
    async (req) => (await selectIntermediary(d, requireActor(req), req.params.id, req.body), OK),
  );
  app.post(
    '/api/intermediaries/purchases/:id/advance',
    {
      schema: {
        tags,
        summary: '签约、完成与评价',
        params: IdParams,
        body: PurchaseAdvance,
        response: { 200: IntermediariesOk },
      },
    },
    async (req) => (await advancePurchase(d, requireActor(req), req.params.id, req.body), OK),
  );
  app.post(
    '/api/intermediaries/rules',
    { schema: { tags, summary: '发布规则或收费目录', body: RuleCreate, response: { 200: CreatedId } } },
    async (req) => publishRule(d, requireActor(req), req.body),
  );
  app.get(
    '/api/intermediaries/figures',
    { schema: { tags, summary: '中介超市使用与投诉统计', response: { 200: MarketFigures } } },
    async (req) => getMarketFigures(d, requireActor(req)),
  );
}

import {
  LedgerDraftSaved,
  LedgerImportResult,
  LedgerDashboard,
  LedgerSheetImportResult,
  Id,
  ImportTextInput,
  LedgerDraft,
} from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { assertAccess } from '../../platform/access';
import { AppError, badRequest } from '../../platform/errors';

import { requireActor } from '../../platform/request-context';
import * as svc from './ledger.service';

const IdParams = z.object({ id: Id });
const tags = ['ledger'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The 整改台账 sheet, the dashboard, and importing a text or .docx into a draft (docs/ledger-sheet.md). */
export async function ledgerSheetRoutes(app: AppInstance) {
  const d = app.deps;

  // ── The 整改台账 spreadsheet (docs/ledger-sheet.md) and the dashboard ──
  app.get(
    '/api/ledger/inspections/:id/ledger.xlsx',
    { schema: { tags, summary: '导出整改台账（.xlsx）', params: IdParams } },
    async (req, reply) => {
      const { title, buffer } = await svc.exportSheet(d, requireActor(req), req.params.id);
      const name = encodeURIComponent(`${title}.xlsx`);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${name}`)
        .send(buffer);
    },
  );
  app.post(
    '/api/ledger/inspections/:id/import.xlsx',
    {
      schema: {
        tags,
        summary: '从整改台账 .xlsx 导入问题和整改措施（multipart，字段 file；有错行则全部不导入）',
        params: IdParams,
        response: { 201: LedgerSheetImportResult },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      assertAccess(actor, 'ledger.write');
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传 .xlsx 文件（字段 file）');
      let bytes: Buffer;
      try {
        const file = await req.file();
        if (!file) throw badRequest('缺少文件（字段 file）');
        bytes = await file.toBuffer();
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (err instanceof AppError || (status !== undefined && status < 500)) throw err;
        throw badRequest('上传内容格式不正确');
      }
      return reply.status(201).send(await svc.importSheet(d, actor, req.params.id, bytes));
    },
  );
  app.get(
    '/api/ledger/inspections/:id/dashboard',
    {
      schema: {
        tags,
        summary: '整改看板：问题和措施按状态、逾期措施按部门、每周进展（实时计算）',
        params: IdParams,
        response: { 200: LedgerDashboard },
      },
    },
    async (req) => svc.dashboard(d, requireActor(req), req.params.id),
  );

  // ── Import (returns a draft, saves nothing) and saving the reviewed draft ──
  app.post(
    '/api/ledger/import/text',
    {
      schema: {
        tags,
        summary: '解析反馈意见文本为草稿（不保存）',
        body: ImportTextInput,
        response: { 200: LedgerImportResult },
      },
    },
    async (req) => svc.importText(d, requireActor(req), req.body.text),
  );
  app.post(
    '/api/ledger/import/docx',
    {
      schema: {
        tags,
        summary: '解析 .docx 反馈意见为草稿（multipart，字段 file；不保存）',
        response: { 200: LedgerImportResult },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      assertAccess(actor, 'ledger.write');
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传 .docx 文件（字段 file）');
      let bytes: Buffer;
      try {
        const file = await req.file();
        if (!file) throw badRequest('缺少文件（字段 file）');
        bytes = await file.toBuffer();
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        if (err instanceof AppError || (status !== undefined && status < 500)) throw err;
        throw badRequest('上传内容格式不正确');
      }
      return svc.importDocx(d, actor, bytes);
    },
  );
  app.post(
    '/api/ledger/drafts',
    {
      schema: {
        tags,
        summary: '保存审核后的草稿（全部保存或全部不保存）',
        body: LedgerDraft,
        response: { 201: LedgerDraftSaved },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.saveDraft(d, requireActor(req), req.body)),
  );
}

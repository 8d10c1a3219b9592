import {
  NoContent,
  CalendarDays,
  CalendarDaysQuery,
  CalendarStatus,
  ClockExplanation,
  ClockExplanationInput,
  DeadlineQuery,
  DeadlineResult,
  HolidayNoticeApplied,
  HolidayNoticeInput,
  HolidayNoticePreview,
  Id,
  LocalDay,
  LocalDayInput,
} from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { requireActor } from '../../platform/request-context';
import * as svc from './calendar.service';
import { applyHolidayNotice } from './use-cases/apply-holiday-notice';
import { previewHolidayNotice } from './use-cases/preview-holiday-notice';

const tags = ['calendar'];

export async function calendarRoutes(app: AppInstance) {
  const d = app.deps;

  app.get(
    '/api/calendar/days',
    {
      schema: {
        tags,
        summary: '工作日历（按区划，含本地调整）',
        querystring: CalendarDaysQuery,
        response: { 200: CalendarDays },
      },
    },
    async (req) => svc.listDays(d, requireActor(req), req.query),
  );

  app.post(
    '/api/calendar/local-days',
    {
      schema: {
        tags,
        summary: '新增本地停工日或加班日（CAL-2）',
        body: LocalDayInput,
        response: { 201: LocalDay },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.addLocalDay(d, requireActor(req), req.body)),
  );

  app.delete(
    '/api/calendar/local-days/:id',
    { schema: { tags, summary: '删除本地调整', params: z.object({ id: Id }), response: { 204: NoContent } } },
    async (req, reply) => {
      await svc.removeLocalDay(d, requireActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/calendar/deadline',
    {
      schema: {
        tags,
        summary: '期限计算：起算日后第 N 个工作日（CAL-1）',
        querystring: DeadlineQuery,
        response: { 200: DeadlineResult },
      },
    },
    async (req) => svc.computeDeadline(d, requireActor(req), req.query),
  );

  app.post(
    '/api/calendar/clock-explanation',
    {
      schema: {
        tags,
        summary: '办件计时说明（受理、决定、出件时限及不计入的日子）',
        body: ClockExplanationInput,
        response: { 200: ClockExplanation },
      },
    },
    async (req) => svc.explainClock(d, requireActor(req), req.body),
  );

  app.get(
    '/api/calendar/status',
    { schema: { tags, summary: '节假日数据状态（下一年是否缺失）', response: { 200: CalendarStatus } } },
    async (req) => svc.getStatus(d, requireActor(req)),
  );

  app.post(
    '/api/calendar/national/notice-preview',
    {
      schema: {
        tags,
        summary: '预览国务院节假日安排通知（粘贴全文，逐日列出放假与调休上班日，CAL-2）',
        body: HolidayNoticeInput,
        response: { 200: HolidayNoticePreview },
      },
    },
    async (req) => previewHolidayNotice(d, requireActor(req), req.body),
  );

  app.post(
    '/api/calendar/national/notice',
    {
      schema: {
        tags,
        summary: '导入国务院节假日安排通知（替换该年的国家节假日，留痕，CAL-2）',
        body: HolidayNoticeInput,
        response: { 201: HolidayNoticeApplied },
      },
    },
    async (req, reply) => reply.status(201).send(await applyHolidayNotice(d, requireActor(req), req.body)),
  );
}

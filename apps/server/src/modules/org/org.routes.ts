import {
  BoardReply,
  Department,
  Hall,
  HallWindow,
  ItemsOf,
  NoContent,
  Region,
  Staff,
  User,
  DepartmentInput,
  HallInput,
  HallWindowInput,
  HallWindowPatch,
  HallPatch,
  DepartmentPatch,
  StaffPatch,
  Id,
  RegionCode,
  RegionInput,
  StaffInput,
  UserCreateInput,
  UserUpdateInput,
} from '@tongban/contracts';
import { z } from 'zod';
import type { AppInstance } from '../../platform/app-types';
import { assertAccess } from '../../platform/access';
import { badRequest } from '../../platform/errors';
import { limitPerClient } from '../../platform/rate-limit';
import { requireActor } from '../../platform/request-context';
import { shanghaiToday } from '../../platform/time';
import * as svc from './org.service';

const IdParams = z.object({ id: Id });
const tags = ['org'];

export async function orgRoutes(app: AppInstance) {
  const d = app.deps;

  app.get(
    '/api/org/regions',
    { schema: { tags, summary: '行政区划列表', response: { 200: ItemsOf(Region) } } },
    async (req) => ({
      items: await svc.listRegions(d, requireActor(req)),
    }),
  );
  app.post(
    '/api/org/regions',
    { schema: { tags, summary: '新增区划', body: RegionInput, response: { 201: Region } } },
    async (req, reply) => reply.status(201).send(await svc.createRegion(d, requireActor(req), req.body)),
  );
  app.patch(
    '/api/org/regions/:code',
    {
      schema: {
        tags,
        summary: '修改区划名称',
        params: z.object({ code: RegionCode }),
        body: RegionInput.pick({ name: true }),
        response: { 200: Region },
      },
    },
    async (req) => svc.updateRegion(d, requireActor(req), req.params.code, req.body),
  );

  app.get(
    '/api/org/halls',
    { schema: { tags, summary: '大厅列表', response: { 200: ItemsOf(Hall) } } },
    async (req) => ({
      items: await svc.listHalls(d, requireActor(req)),
    }),
  );
  app.post(
    '/api/org/halls',
    { schema: { tags, summary: '新增大厅', body: HallInput, response: { 201: Hall } } },
    async (req, reply) => reply.status(201).send(await svc.createHall(d, requireActor(req), req.body)),
  );
  app.patch(
    '/api/org/halls/:id',
    { schema: { tags, summary: '修改大厅', params: IdParams, body: HallPatch, response: { 200: Hall } } },
    async (req) => svc.updateHall(d, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/org/departments',
    { schema: { tags, summary: '进驻部门列表', response: { 200: ItemsOf(Department) } } },
    async (req) => ({
      items: await svc.listDepartments(d, requireActor(req)),
    }),
  );
  app.post(
    '/api/org/departments',
    { schema: { tags, summary: '新增部门', body: DepartmentInput, response: { 201: Department } } },
    async (req, reply) => reply.status(201).send(await svc.createDepartment(d, requireActor(req), req.body)),
  );
  app.patch(
    '/api/org/departments/:id',
    {
      schema: {
        tags,
        summary: '修改部门',
        params: IdParams,
        body: DepartmentPatch,
        response: { 200: Department },
      },
    },
    async (req) => svc.updateDepartment(d, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/org/windows',
    { schema: { tags, summary: '窗口列表', response: { 200: ItemsOf(HallWindow) } } },
    async (req) => ({
      items: await svc.listWindows(d, requireActor(req)),
    }),
  );
  app.post(
    '/api/org/windows',
    { schema: { tags, summary: '新增窗口', body: HallWindowInput, response: { 201: HallWindow } } },
    async (req, reply) => reply.status(201).send(await svc.createWindow(d, requireActor(req), req.body)),
  );
  app.patch(
    '/api/org/windows/:id',
    {
      schema: {
        tags,
        summary: '修改窗口',
        params: IdParams,
        body: HallWindowPatch,
        response: { 200: HallWindow },
      },
    },
    async (req) => svc.updateWindow(d, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/org/staff',
    { schema: { tags, summary: '进驻人员列表', response: { 200: ItemsOf(Staff) } } },
    async (req) => ({
      items: await svc.listStaff(d, requireActor(req)),
    }),
  );
  app.post(
    '/api/org/staff',
    { schema: { tags, summary: '新增人员', body: StaffInput, response: { 201: Staff } } },
    async (req, reply) => reply.status(201).send(await svc.createStaff(d, requireActor(req), req.body)),
  );
  app.patch(
    '/api/org/staff/:id',
    { schema: { tags, summary: '修改人员', params: IdParams, body: StaffPatch, response: { 200: Staff } } },
    async (req) => svc.updateStaff(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/org/staff/:id/photo',
    {
      schema: {
        tags,
        summary: '上传人员照片（multipart，字段 file）',
        params: IdParams,
        response: { 200: Staff },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      // Refuse early, before reading an upload the actor may not make; the service checks the region.
      assertAccess(actor, 'org.write');
      if (!req.isMultipart()) throw badRequest('请以 multipart/form-data 上传文件（字段 file）');
      const file = await req.file();
      if (!file) throw badRequest('缺少文件（字段 file）');
      const bytes = await file.toBuffer();
      return svc.setStaffPhoto(d, actor, req.params.id, {
        bytes,
        mediaType: file.mimetype,
        name: file.filename,
      });
    },
  );

  app.get(
    '/api/org/users',
    { schema: { tags, summary: '用户列表', response: { 200: ItemsOf(User) } } },
    async (req) => ({
      items: await svc.listUsers(d, requireActor(req)),
    }),
  );
  app.post(
    '/api/org/users',
    { schema: { tags, summary: '新增用户', body: UserCreateInput, response: { 201: User } } },
    async (req, reply) => reply.status(201).send(await svc.createUser(d, requireActor(req), req.body)),
  );
  app.patch(
    '/api/org/users/:id',
    {
      schema: { tags, summary: '修改用户', params: IdParams, body: UserUpdateInput, response: { 200: User } },
    },
    async (req) => svc.updateUser(d, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/org/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码',
        params: IdParams,
        body: z.object({ password: z.string().max(256) }),
        response: { 204: NoContent },
      },
    },
    async (req, reply) => {
      await svc.resetUserPassword(d, requireActor(req), req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/public/halls/:id/board',
    {
      schema: {
        tags: ['public'],
        summary: '人员公示牌（公开）',
        params: IdParams,
        response: { 200: BoardReply },
      },
      // SEC-2: the hall's screen refreshes it often; generous per client address.
      config: { rateLimit: limitPerClient(600, 60_000) },
    },
    async (req) => svc.getBoard(d, req.params.id, shanghaiToday(d.clock.now())),
  );
}

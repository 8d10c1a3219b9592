import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { multipart } from './http';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

/** The required (必要) materials of the demo 食品经营许可 item: an online application needs them all. */
export const FOOD_REQUIRED = [
  '食品经营许可申请书',
  '营业执照',
  '经营场所平面布局图和设备布局、操作流程说明',
  '食品安全自查、从业人员健康管理、进货查验等管理制度',
] as const;

/** Uploads a small PDF to a draft for each material named (default: every required food material). */
export async function uploadDraftMaterials(
  app: FastifyInstance,
  token: string,
  names: readonly string[] = FOOD_REQUIRED,
  remoteAddress?: string,
) {
  for (const name of names) {
    const { payload, contentType } = multipart(
      { name: 'a.pdf', type: 'application/pdf', bytes: PDF },
      { materialName: name },
    );
    const r = await app.inject({
      method: 'POST',
      url: `/api/public/drafts/${token}/materials`,
      payload,
      ...(remoteAddress ? { remoteAddress } : {}),
      headers: { 'content-type': contentType },
    });
    expect(r.statusCode, r.body).toBe(201);
  }
}

import type { FastifyReply, FastifyRequest } from 'fastify';

/** What the staff routes (cases.routes.ts) and the portal routes (portal.routes.ts) share. */
export const MINUTE = 60_000;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The client's Idempotency-Key header, when it sent one (a retried submission is recorded once). */
export function idempotencyKey(req: FastifyRequest): string | undefined {
  const v = req.headers['idempotency-key'];
  return Array.isArray(v) ? v[0] : v;
}

/** A notice as a .docx download named by its number (RFC 6266 / 5987). */
export function sendDocx(reply: FastifyReply, noticeNo: string, buffer: Buffer) {
  const name = encodeURIComponent(`${noticeNo}.docx`);
  return reply
    .header('content-type', DOCX)
    .header('content-disposition', `attachment; filename="notice.docx"; filename*=UTF-8''${name}`)
    .send(buffer);
}

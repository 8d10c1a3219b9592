import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { IMAGE_POLICY, storeFile } from '../../../platform/files';
import { ComplaintError } from '../complaints.errors';
import { actOnComplaint } from './complaint-command';

/** A photo of the page may be up to 5 MB (phone cameras); PNG, JPEG or WebP, checked by its bytes. */
const PAGE_PHOTO_POLICY = { ...IMAGE_POLICY, maxBytes: 5 * 1024 * 1024 };

/**
 * 意见簿: the photo of the page an entry was typed in from, stored through platform/files and owned
 * by the complaint (whoever may read the complaint may see it). A new photo replaces the old one on
 * the record; both stay in the history.
 */
export async function attachPhoto(
  deps: Deps,
  actor: Actor,
  id: string,
  version: number,
  file: { bytes: Buffer; mediaType: string; name: string },
) {
  return actOnComplaint(deps, actor, id, version, 'complaint.intake', 'complaint.photo', async (ctx) => {
    if (ctx.row.source !== 'comment_book') throw new ComplaintError('COMPLAINT_PHOTO_NOT_COMMENT_BOOK');
    if (ctx.row.status === 'closed' || ctx.row.status === 'merged')
      throw new ComplaintError('COMPLAINT_WRONG_STATUS');
    const sha256 = await storeFile(ctx.tx, deps.config.dataDir, file, PAGE_PHOTO_POLICY, {
      kind: 'complaint',
      id: ctx.row.id,
      regionCode: ctx.row.regionCode,
    });
    return {
      patch: { photoSha256: sha256 },
      event: { type: 'photo_attached', payload: { sha256, previous: ctx.row.photoSha256 } },
      summary: { sha256 },
    };
  });
}

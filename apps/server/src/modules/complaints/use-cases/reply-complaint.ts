import type { NoteInput, ReplyInput } from '@tongban/contracts';
import { activeUserIdsQuery } from '../../auth';
import type { Actor } from '../../../platform/access';
import type { Deps } from '../../../platform/app-types';
import { checkReply } from '../complaints.policy';
import * as repo from '../complaints.repository';
import { actOnComplaint, actorFacts, factsOf, fail, touchOther } from './complaint-command';

/** 调查/处置: the holder records what it found and did; the recorder becomes the handler. */
export async function noteComplaint(deps: Deps, actor: Actor, id: string, input: NoteInput) {
  return actOnComplaint(deps, actor, id, input.version, 'complaint.handle', 'complaint.note', async (ctx) => {
    fail(checkReply(factsOf(ctx.row), actorFacts(actor)));
    return {
      patch: { status: 'handling', handlerId: ctx.row.handlerId ?? actor.userId },
      event: { type: 'noted', payload: { note: input.note } },
    };
  });
}

/**
 * 回复: the holder answers the complainant; the text is recorded. CPL-3: every duplicate merged
 * into this order gets the same answer recorded on its own record, for its own callback.
 */
export async function replyComplaint(deps: Deps, actor: Actor, id: string, input: ReplyInput) {
  return actOnComplaint(
    deps,
    actor,
    id,
    input.version,
    'complaint.handle',
    'complaint.reply',
    async (ctx) => {
      fail(checkReply(factsOf(ctx.row), actorFacts(actor)));
      const region = ctx.row.regionCode;
      const [deskRows, merged] = ctx.pre as [{ id: string }[], repo.ComplaintRow[]];
      const desk = deskRows.map((u) => u.id);
      return {
        patch: {
          status: 'replied',
          replyText: input.text,
          repliedAt: ctx.now,
          repliedBy: actor.userId,
          handlerId: ctx.row.handlerId ?? actor.userId,
        },
        event: { type: 'replied', payload: { text: input.text } },
        closeTodos: true,
        inbox: [
          {
            regionCode: region,
            recipientUserIds: desk,
            kind: 'complaints.callback',
            title: `待回访：${ctx.row.orderNo}`,
            params: { orderNo: ctx.row.orderNo },
            link: `/complaints/${id}`,
            entityType: 'complaint',
            entityId: id,
            isTodo: true,
          },
        ],
        also: (c) => [
          repo.endHoldingQuery(c.tx, region, id, c.now, 'replied'),
          ...merged.flatMap((m) =>
            touchOther(
              c,
              m,
              { replyText: input.text, repliedAt: c.now, repliedBy: actor.userId, handlerId: actor.userId },
              'replied',
              { text: input.text, via: ctx.row.orderNo },
            ),
          ),
        ],
      };
    },
    (tx, region) => [
      activeUserIdsQuery(tx, { regionCode: region, role: 'supervisor' }),
      repo.lockMergedIntoQuery(tx, region, id),
    ],
  );
}

import { onAction } from '../../adapters/action';
import { defaultFirstDate, pairModal } from '../../blocks/pair-modal';
import { lookupUser } from '../../directory';
import { PairModal } from '../../ids';
import { checkViewState, readDate, readUser } from '../../inputs/view-state';

const { blocks: b, actions: a } = PairModal;

/**
 * Picking the mentee re-renders the set-up modal with the mentee's Slack time zone as the default.
 * Block and action ids stay the same, so Slack keeps everything already typed or picked. Nothing is
 * stored; if Slack cannot tell the zone, the modal simply stays as it is.
 */
export const pairMenteeSelected = onAction({
  name: 'pair_mentee_selected',
  parse: ({ view }) => {
    const values = checkViewState(view?.values);
    return {
      menteeId: readUser(values, b.mentee, a.mentee),
      mentorId: readUser(values, b.mentor, a.mentor),
      firstDate: readDate(values, b.firstDate, a.firstDate),
    };
  },
  run: async (picked, { client }, deps) => {
    const mentee = picked.menteeId ? await lookupUser(client, picked.menteeId).catch(() => null) : null;
    if (!mentee) return null;
    const firstDate = picked.firstDate ?? defaultFirstDate(deps.clock(), mentee.timeZone);
    return pairModal({ mentorId: picked.mentorId ?? undefined, menteeId: mentee.userId, timeZone: mentee.timeZone, firstDate });
  },
  reply: (view) => (view ? { kind: 'update_view', view } : null),
});

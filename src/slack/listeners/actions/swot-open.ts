import { swotModal, swotReadOnlyModal } from '../../blocks/swot-modal';
import type { AppDeps } from '../../context';
import { parseId } from '../../inputs/goal-values';
import { goalAction, type GoalActionArgs } from './goal-action';

/**
 * The SWOT (value = pair id): the mentee's form, or the mentor's read-only view. From the goal list
 * it opens a modal; from inside the goal modal it is pushed on top, so the goal form stays as typed.
 */
export function swotOpen(deps: AppDeps, mode: 'open' | 'push') {
  return goalAction(deps, mode === 'open' ? 'swot_open' : 'swot_push', async ({ body, client }: GoalActionArgs, { value, where, log }) => {
    const pairId = parseId(value);
    if (!pairId) return log.warn({ value }, 'SWOT pressed without a pair id');
    const { pair, swot, canEdit } = await deps.services.swot.forMember(where.teamId, pairId, where.userId);
    let view;
    if (canEdit) view = swotModal(pair.id, swot);
    else {
      const [viewer, names] = await Promise.all([deps.services.people.find(where.teamId, where.userId), deps.services.people.displayNames(where.teamId, [pair.mentee_id])]);
      view = swotReadOnlyModal(swot, pair.mentee_id, { timeZone: viewer?.time_zone ?? 'UTC', names });
    }
    if (mode === 'push') await client.views.push({ trigger_id: body.trigger_id, view });
    else await client.views.open({ trigger_id: body.trigger_id, view });
  });
}

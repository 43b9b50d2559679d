import { rhythmOf, slotOf } from '../../../domain/meetings/views';
import { onSubmit } from '../../adapters/view';
import { ruleChangedView } from '../../blocks/meeting-modals';
import { RuleModal } from '../../ids';
import { readRuleForm, RULE_FIELD_BLOCKS } from '../../inputs/meeting-forms';

/** Saves a new rhythm; the modal shows the next meeting under it and the other person is told by DM. */
export const meetingRuleSubmit = onSubmit({
  name: 'meeting_rule_submit',
  field: RuleModal.blocks.fromDate,
  fields: RULE_FIELD_BLOCKS,
  parse: ({ view, values }) => readRuleForm(view, values),
  run: ({ pairId, change }, { actor }, deps) => deps.services.meetingChanges.changeRule(actor, pairId, change),
  ack: ({ pair, next, otherId, viewerZone }) => ({
    response_action: 'update',
    view: ruleChangedView({ otherId, viewerZone, rhythm: rhythmOf(pair), next: next ? slotOf(next) : null }),
  }),
});

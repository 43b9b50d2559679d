import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { onSubmit } from '../../adapters/view';
import { goalTitle, progressText } from '../../blocks/goal-format';
import { goalListMessage } from '../../blocks/goal-list';
import type { AppDeps } from '../../context';
import { firstInputBlock, readProgressForm } from '../../inputs/goal-progress-form';

/** Saves key-result values and ticks; each changed item records who changed it and when. */
const progressSubmit = (field: string) =>
  onSubmit({
    name: 'goal_progress_submit',
    field,
    parse: ({ view, values }) => readProgressForm(view, values),
    run: ({ goalId, input }, { actor }, deps) => deps.services.goalProgress.updateProgress(actor, goalId, input),
    confirm: async ({ goal }, { actor }, deps) =>
      goalListMessage(await deps.services.goals.overviewFor(actor), `:chart_with_upwards_trend: ${goalTitle(goal)}: ${progressText(goal.items)}.`),
  });

/** The modal's inputs are the goal's items: a refusal (a goal closed meanwhile, a forged id) goes under the first. */
export const goalProgressSubmit = (deps: AppDeps) => (args: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) =>
  progressSubmit(firstInputBlock(args.view))(deps)(args);

import type { KnownBlock } from '@slack/types';
import { HABITS, type Habit, type HabitTrend, percent } from '../../domain/program/habits';
import { ProgramActions } from '../ids';
import type { Message } from './help';
import { mrkdwn, plain } from './text';

/** The habits' names as coordinators read them (issue 16, point 4). */
export const HABIT_LABEL: Record<Habit, string> = {
  goals: '3–5 goals with target dates',
  agenda: 'Agenda before meeting',
  notes: 'Notes after meeting',
  feedback: 'Feedback asked for',
  resources: 'Two resources explored',
  highlight: 'Achievement or challenge shared',
  thanks: 'Thanks said',
};

const shown = (value: number | null): string => (value === null ? 'no pairs' : `${value}%`);

/** "Agenda before meeting: 64% (up from 51%)": this 30 days against the 30 before. */
export function habitLine(trend: HabitTrend, habit: Habit): string {
  const now = percent(trend.current, habit);
  const before = percent(trend.previous, habit);
  const change =
    before === null
      ? 'no pairs the 30 days before'
      : now === null || now === before
        ? `same as before, ${before}%`
        : `${now > before ? 'up' : 'down'} from ${before}%`;
  return `${HABIT_LABEL[habit]}: ${shown(now)} (${change})`;
}

/** The text equivalent of the chart: every habit's share and trend, one line each. */
export function habitText(trend: HabitTrend): string {
  const { pairs } = trend.current;
  const head = `*Habits, last 30 days* (share of the ${pairs} ${pairs === 1 ? 'pair' : 'pairs'} active, against the 30 days before)`;
  return [head, ...HABITS.map((habit) => habitLine(trend, habit))].join('\n');
}

/** The habits section of the overview and the Home: the figures, and a button for the chart as a picture. */
export function habitBlocks(trend: HabitTrend): KnownBlock[] {
  return [
    {
      type: 'section',
      text: mrkdwn(habitText(trend)),
      accessory: { type: 'button', action_id: ProgramActions.habitChart, text: plain('Chart', 75), value: 'habits' },
    },
  ];
}

/** The presser's private confirmation once the chart is in their DM. */
export function habitChartSentMessage(): Message {
  const text = 'The habits chart is in your DM with me, with the figures as text.';
  return { text, blocks: [{ type: 'section', text: mrkdwn(`:white_check_mark: ${text}`) }] };
}

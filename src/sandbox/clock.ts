import type { World } from '../demo/world';
import { nextDueBetween, nextMeetingOf } from './sandbox.repository';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A jump is played as at most this many passes: a bound, not a figure anyone should reach. */
const MAX_PASSES = 200;

export type ClockStep = 'hour' | 'day' | 'next-meeting';

/**
 * Moves the world's clock forward the way time passes for the bot: not one leap, but a scheduler pass
 * at every moment something falls due on the way (what is due is read from the outbox after each pass,
 * since a pass plans what follows), and at least once a day (the planner plans dated reminders a few
 * days ahead). So a prep nudge due on the way is sent, not skipped as stale. Answers where the clock went,
 * or undefined for "to the next meeting" when the person has none.
 */
export async function advanceClock(world: World, step: ClockStep, userId: string): Promise<Date | undefined> {
  const now = world.clock.now();
  const target =
    step === 'hour' ? new Date(now.getTime() + HOUR) : step === 'day' ? new Date(now.getTime() + DAY) : await nextMeetingOf(world.db.kysely, userId, now);
  if (!target) return undefined;
  await passesUntil(world, target);
  return target;
}

async function passesUntil(world: World, target: Date): Promise<void> {
  for (let passes = 0; passes < MAX_PASSES; passes += 1) {
    await passNow(world);
    const now = world.clock.now();
    if (now.getTime() >= target.getTime()) return;
    const due = await nextDueBetween(world.db.kysely, now, target);
    const nextDay = new Date(now.getTime() + DAY);
    world.clock.set(new Date(Math.min(due?.getTime() ?? Infinity, nextDay.getTime(), target.getTime())));
  }
  world.clock.set(target);
  await passNow(world);
}

/** One scheduler pass at the world's time (it returns once what it sent has been sent). */
async function passNow(world: World): Promise<void> {
  await world.bot.scheduler.runPass(world.clock.now);
}

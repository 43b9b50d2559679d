import type { World } from '../demo/world';
import { endDueAt } from '../domain/pairs/lifecycle-timing';
import { livePairOf, nextDueBetween, nextMeetingOf } from './sandbox.repository';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A jump is played as at most this many passes (a year of daily passes and what falls due): a bound, not a figure anyone should reach. */
const MAX_PASSES = 1000;

export type ClockStep = 'hour' | 'day' | 'next-meeting' | 'pair-end';

/**
 * Moves the world's clock forward the way time passes for the bot: not one leap, but a scheduler pass
 * at every moment something falls due on the way (what is due is read from the outbox after each pass,
 * since a pass plans what follows), and at least once a day (the planner plans dated reminders a few
 * days ahead). So a prep nudge due on the way is sent, not skipped as stale. Answers where the clock went,
 * or undefined when the person has no meeting coming up ("to the next meeting") or no live pair ("to the
 * end of the pair").
 */
export async function advanceClock(world: World, step: ClockStep, userId: string, afterPass: () => void = () => undefined): Promise<Date | undefined> {
  const target = await targetOf(world, step, userId);
  if (!target) return undefined;
  await passesUntil(world, target, afterPass);
  return target;
}

async function targetOf(world: World, step: ClockStep, userId: string): Promise<Date | undefined> {
  const now = world.clock.now();
  switch (step) {
    case 'hour':
      return new Date(now.getTime() + HOUR);
    case 'day':
      return new Date(now.getTime() + DAY);
    case 'next-meeting':
      return nextMeetingOf(world.db.kysely, userId, now);
    case 'pair-end': {
      // When the scheduler's lifecycle pass ends the pair by itself: after its last planned meeting, or at
      // the end of its planned end date (the same rule, endDueAt, as the pass).
      const live = await livePairOf(world.db.kysely, userId);
      return live ? new Date(Math.max(endDueAt(live.pair, live.latestMeetingEnd).getTime(), now.getTime())) : undefined;
    }
  }
}

/** `afterPass` runs after each pass, at its time (the sandbox notes when each message came). */
async function passesUntil(world: World, target: Date, afterPass: () => void): Promise<void> {
  for (let passes = 0; passes < MAX_PASSES; passes += 1) {
    await passNow(world);
    afterPass();
    const now = world.clock.now();
    if (now.getTime() >= target.getTime()) return;
    const due = await nextDueBetween(world.db.kysely, now, target);
    const nextDay = new Date(now.getTime() + DAY);
    world.clock.set(new Date(Math.min(due?.getTime() ?? Infinity, nextDay.getTime(), target.getTime())));
  }
  world.clock.set(target);
  await passNow(world);
  afterPass();
}

/** One scheduler pass at the world's time (it returns once what it sent has been sent). */
async function passNow(world: World): Promise<void> {
  await world.bot.scheduler.runPass(world.clock.now);
}

import fc from 'fast-check';
import type { Db } from '../../../src/db/create-db';
import { PAIR_REMINDER_KINDS } from '../../../src/domain/reminders/kinds';
import { planReminders } from '../../../src/domain/reminders/plan';
import { createServices, type Services } from '../../../src/services';
import { createEffectsRecorder } from '../../../src/slack/effects/recorder';
import { createTestDb } from '../../support/test-db';
import { isDomainError } from '../../../src/errors';

/**
 * Property: whatever the members do and however time passes, a pair that is invited, paused or
 * ended never has a pair reminder waiting to go out, and a scheduler pass never plans one for it.
 * (Stay-in-touch check-ins are the one reminder of an ended pair, and are not pair reminders.)
 * Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
 */
let db: Db;
let services: Services;
let now = new Date('2026-11-23T14:00:00Z');
const clock = () => now;

beforeAll(async () => {
  db = await createTestDb();
  services = createServices(db.kysely, clock, createEffectsRecorder(clock));
});
afterAll(() => db.close());

type Step =
  | { kind: 'accept' | 'resume' | 'end' | 'pause_by_hand' }
  | { kind: 'pause_until'; days: number }
  | { kind: 'change_end'; days: number }
  | { kind: 'pass'; hours: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom<Step>({ kind: 'accept' }, { kind: 'resume' }, { kind: 'end' }, { kind: 'pause_by_hand' }),
  fc.integer({ min: 2, max: 30 }).map((days): Step => ({ kind: 'pause_until', days })),
  fc.integer({ min: 20, max: 200 }).map((days): Step => ({ kind: 'change_end', days })),
  fc.integer({ min: 1, max: 24 * 20 }).map((hours): Step => ({ kind: 'pass', hours })),
);

const localDate = (instant: Date, days: number) => new Date(instant.getTime() + days * 86_400_000).toISOString().slice(0, 10);
let run = 0;

async function pendingPairReminders(pairId: string): Promise<number> {
  const rows = await db.kysely
    .selectFrom('outbox')
    .select('id')
    .where('pair_id', '=', pairId)
    .where('state', '=', 'pending')
    .where('kind', 'in', [...PAIR_REMINDER_KINDS])
    .execute();
  return rows.length;
}

it('never leaves a pair reminder pending for an invited, paused or ended pair, whatever happens in whatever order', async () => {
  await fc.assert(
    fc.asyncProperty(fc.boolean(), fc.array(step, { minLength: 1, maxLength: 10 }), async (invited, steps) => {
      run += 1;
      now = new Date('2026-11-23T14:00:00Z');
      const mentor = { teamId: 'T1', userId: `UMR${run}` };
      const mentee = { teamId: 'T1', userId: `UME${run}` };
      const person = (userId: string, timeZone: string) => ({ userId, displayName: userId, timeZone, isBot: false, deleted: false });
      const form = {
        mentorId: mentor.userId,
        menteeId: mentee.userId,
        goalsChannelId: 'CGOALS',
        cadence: 'weekly' as const,
        firstDate: '2026-11-26',
        firstTime: '10:00',
        timeZone: 'Europe/Berlin',
        meetingMinutes: 45,
        programMonths: 3,
      };
      const people = { mentor: person(mentor.userId, 'Europe/Berlin'), mentee: person(mentee.userId, 'America/New_York') };
      const created = invited
        ? await services.pairs.setUp(mentor, form, people, { coordinator: false })
        : await services.pairs.setUp({ teamId: 'T1', userId: 'UCOORD' }, form, people, { coordinator: true });
      if (!created.ok) throw new Error(JSON.stringify(created.errors));
      const pairId = created.pair.id;
      for (const next of steps) {
        // A refusal (the pair is gone, the state forbids it) is a fine outcome too: it must change nothing.
        await act(next, pairId, { mentor, mentee }).catch((error: unknown) => {
          if (!isDomainError(error)) throw error;
        });
        const pair = await db.kysely.selectFrom('pairs').select('status').where('id', '=', pairId).executeTakeFirst();
        if (!pair || pair.status !== 'active') expect(await pendingPairReminders(pairId)).toBe(0);
      }
    }),
    { numRuns: 25 },
  );
}, 240_000);

async function act(next: Step, pairId: string, { mentor, mentee }: Record<'mentor' | 'mentee', { teamId: string; userId: string }>): Promise<void> {
  switch (next.kind) {
    case 'accept':
      await services.lifecycle.accept(mentee, pairId);
      break;
    case 'resume':
      await services.lifecycle.resume(mentor, pairId);
      break;
    case 'end':
      await services.lifecycle.end(mentee, pairId, null);
      break;
    case 'pause_by_hand':
      await services.lifecycle.pause(mentor, pairId, null);
      break;
    case 'pause_until':
      await services.lifecycle.pause(mentee, pairId, localDate(now, next.days));
      break;
    case 'change_end': {
      const pair = await db.kysely.selectFrom('pairs').selectAll().where('id', '=', pairId).executeTakeFirst();
      if (pair)
        await services.lifecycle.change(mentor, pairId, {
          goalsChannelId: pair.goals_channel_id,
          timeZone: pair.time_zone,
          plannedEndOn: localDate(now, next.days),
        });
      break;
    }
    case 'pass':
      now = new Date(now.getTime() + next.hours * 3_600_000);
      await services.lifecyclePass.advance(now);
      await services.meetings.ensureUpcoming(now);
      await planReminders(db.kysely, now);
      break;
  }
}

import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';

/**
 * A workspace with a little of everything, written straight to the database: two people, a pair, a
 * meeting, a journal entry, a sent notice, a pending notice and a planned reminder. `marker` is in
 * every text, so a scan can tell whether anything of it is left.
 */
export async function seedWorkspace(
  db: Kysely<Database>,
  teamId: string,
  marker: string,
  now: Date,
): Promise<{ pairId: string; reminderId: string; noticeId: string }> {
  const suffix = teamId.slice(1);
  const [mentor, mentee] = [`UM${suffix}`, `UE${suffix}`];
  await db
    .insertInto('workspaces')
    .values({ team_id: teamId })
    .onConflict((oc) => oc.column('team_id').doNothing())
    .execute();
  await db
    .insertInto('people')
    .values([mentor, mentee].map((userId) => ({ team_id: teamId, user_id: userId, display_name: `${marker} ${userId}`, dm_channel_id: `D${userId}` })))
    .execute();
  const pair = await db
    .insertInto('pairs')
    .values({
      team_id: teamId,
      mentor_id: mentor,
      mentee_id: mentee,
      goals_channel_id: 'CGOALS',
      cadence: 'weekly',
      meeting_time: '10:00',
      time_zone: 'Europe/Berlin',
      first_meeting_on: '2026-11-30',
      meeting_minutes: 30,
      started_on: '2026-11-20',
      planned_end_on: '2027-05-20',
      created_by: mentor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meeting = await db
    .insertInto('meetings')
    .values({
      team_id: teamId,
      pair_id: pair.id,
      sequence: 1,
      scheduled_at: new Date(now.getTime() + 7 * 86_400_000),
      duration_minutes: 30,
      takeaways: `${marker} takeaway`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('journal_entries')
    .values({ team_id: teamId, author_id: mentee, pair_id: pair.id, went_well: `${marker} journal` })
    .execute();
  const row = (kind: string, state: 'pending' | 'sent', dueAt: Date, key: string) => ({
    team_id: teamId,
    kind,
    pair_id: pair.id,
    meeting_id: kind === 'prep' ? meeting.id : null,
    recipient_id: mentee,
    dedupe_key: `${teamId}:${key}`,
    payload: JSON.stringify(
      kind === 'notice'
        ? {
            topic: 'seeded',
            target: { type: 'dm', userId: mentee },
            message: { text: `${marker} notice`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `${marker} notice` } }] },
          }
        : {},
    ),
    due_at: dueAt,
    next_attempt_at: dueAt,
    state,
    updated_at: now,
  });
  await db
    .insertInto('outbox')
    .values(row('notice', 'sent', now, 'sent'))
    .execute();
  const notice = await db
    .insertInto('outbox')
    .values(row('notice', 'pending', new Date(now.getTime() + 3_600_000), 'notice'))
    .returning('id')
    .executeTakeFirstOrThrow();
  const reminder = await db
    .insertInto('outbox')
    .values(row('prep', 'pending', new Date(now.getTime() + 6 * 86_400_000), 'prep'))
    .returning('id')
    .executeTakeFirstOrThrow();
  return { pairId: pair.id, reminderId: reminder.id, noticeId: notice.id };
}

/** Every row of every table that names the workspace (by team_id), and every text holding `marker`. */
export async function leftOf(db: Kysely<Database>, teamId: string, marker: string): Promise<string[]> {
  const tables = await db
    .selectFrom('information_schema.columns' as never)
    .select(['table_name' as never])
    .where('table_schema' as never, '=', 'public' as never)
    .where('column_name' as never, '=', 'team_id' as never)
    .execute();
  const found: string[] = [];
  for (const { table_name: table } of tables as Array<{ table_name: string }>) {
    const rows = await db
      .selectFrom(table as never)
      .selectAll()
      .where('team_id' as never, '=', teamId as never)
      .execute();
    if (rows.length > 0) found.push(`${table}: ${rows.length}`);
  }
  const all = await db
    .selectFrom('information_schema.tables' as never)
    .select(['table_name' as never])
    .where('table_schema' as never, '=', 'public' as never)
    .execute();
  for (const { table_name: table } of all as Array<{ table_name: string }>) {
    const rows = await db
      .selectFrom(table as never)
      .selectAll()
      .execute();
    const hits = rows.filter((row) => JSON.stringify(row).includes(marker)).length;
    if (hits > 0) found.push(`${table} holds ${marker}: ${hits}`);
  }
  return found;
}

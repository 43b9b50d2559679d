import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';

/**
 * Two pairs around one person, written straight to the database with a marker in every field each
 * person types: Theo (`ME`) is the mentee of Maria and the mentor of Olga. Theo's text carries
 * `MINE`, Maria's and Olga's carry `THEIRS`; their private rows (journal, SWOT, reflection, settings)
 * carry `SECRET`, which no export of Theo's may contain.
 */
export const MARKS = { mine: 'THEOMARK', theirs: 'PEERMARK', secret: 'PEERSECRET' } as const;

export async function seedTwoPairs(db: Kysely<Database>, teamId: string, ids: { me: string; mentor: string; mentee: string }, now: Date) {
  const { mine, theirs, secret } = MARKS;
  const { me, mentor, mentee } = ids;
  const day = 86_400_000;
  await db
    .insertInto('workspaces')
    .values({ team_id: teamId })
    .onConflict((oc) => oc.column('team_id').doNothing())
    .execute();
  await db
    .insertInto('people')
    .values([
      {
        team_id: teamId,
        user_id: me,
        display_name: `Theo ${mine}`,
        real_name: `Theo Real ${mine}`,
        time_zone: 'Europe/Berlin',
        dm_channel_id: `D${me}`,
        reminders_paused_until: '2026-12-24',
        prep_lead_minutes: 120,
      },
      { team_id: teamId, user_id: mentor, display_name: 'Maria', time_zone: 'Europe/Paris', dm_channel_id: `D${mentor}`, reminders_paused_until: '2026-12-31' },
      { team_id: teamId, user_id: mentee, display_name: 'Olga', time_zone: 'Europe/London', dm_channel_id: `D${mentee}` },
    ])
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
    .execute();
  const pair = (mentorId: string, menteeId: string) =>
    db
      .insertInto('pairs')
      .values({
        team_id: teamId,
        mentor_id: mentorId,
        mentee_id: menteeId,
        goals_channel_id: 'CGOALS',
        cadence: 'weekly',
        meeting_time: '10:00',
        time_zone: 'Europe/Berlin',
        first_meeting_on: '2026-11-02',
        meeting_minutes: 30,
        started_on: '2026-11-01',
        planned_end_on: '2027-05-01',
        created_by: mentorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const asMentee = (await pair(mentor, me)).id;
  const asMentor = (await pair(me, mentee)).id;
  const meeting = (pairId: string, sequence: number, fields: Record<string, string | null>) =>
    db
      .insertInto('meetings')
      .values({
        team_id: teamId,
        pair_id: pairId,
        sequence,
        scheduled_at: new Date(now.getTime() - (10 - sequence) * day),
        duration_minutes: 30,
        status: 'held',
        ...fields,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  // Theo's agenda (focus and highlight are the mentee's) and notes; a meeting whose notes Maria recorded; one of Olga's agendas.
  const m1 = (
    await meeting(asMentee, 1, {
      feedback_focus: `${mine} focus`,
      shared_highlight: `${mine} highlight`,
      takeaways: `${mine} takeaways`,
      feedback_received: `${mine} received`,
      feedback_application: `${mine} application`,
      notes_recorded_by: me,
    })
  ).id;
  const m2 = (await meeting(asMentee, 2, { takeaways: `${theirs} takeaways`, notes_recorded_by: mentor })).id;
  const m3 = (
    await meeting(asMentor, 1, {
      feedback_focus: `${theirs} focus`,
      shared_highlight: `${theirs} highlight`,
      takeaways: `${mine} notes as mentor`,
      notes_recorded_by: me,
    })
  ).id;
  const myAction = await db
    .insertInto('action_items')
    .values({ team_id: teamId, pair_id: asMentee, meeting_id: m1, owner_id: mentor, body: `${mine} action`, created_by: me })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('action_items')
    .values({ team_id: teamId, pair_id: asMentee, meeting_id: m2, owner_id: me, body: `${theirs} action for Theo`, created_by: mentor })
    .execute();
  await db
    .insertInto('agenda_items')
    .values([
      { team_id: teamId, meeting_id: m1, author_id: me, kind: 'material', body: `${mine} topic`, url: `https://example.com/${mine}` },
      { team_id: teamId, meeting_id: m2, author_id: mentor, kind: 'topic', body: `${theirs} topic` },
      // Maria carried Theo's action item over: it quotes Theo's text.
      { team_id: teamId, meeting_id: m2, author_id: mentor, kind: 'carry_over', body: `${mine} action`, action_item_id: myAction.id },
      { team_id: teamId, meeting_id: m3, author_id: mentee, kind: 'question', body: `${theirs} question` },
    ])
    .execute();
  const goal = (pairId: string, by: string, mark: string, extra: Record<string, string | null>) =>
    db
      .insertInto('goals')
      .values({
        team_id: teamId,
        pair_id: pairId,
        title: `${mark} title`,
        specific: `${mark} specific`,
        measurable: `${mark} measurable`,
        achievable: `${mark} achievable`,
        relevant: `${mark} relevant`,
        objective: `${mark} objective`,
        target_date: '2027-03-01',
        created_by: by,
        ...extra,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const myGoal = await goal(asMentee, me, mine, { status: 'achieved', reflection: `${mine} reflection`, changes_comment: `${theirs} changes` });
  await goal(asMentor, mentee, theirs, { status: 'achieved', reflection: `${secret} reflection`, changes_comment: `${mine} changes as mentor` });
  await db
    .insertInto('goal_progress_items')
    .values({ team_id: teamId, goal_id: myGoal.id, kind: 'key_result', title: `${mine} key result`, target_value: 3 })
    .execute();
  await db
    .insertInto('swot_assessments')
    .values([
      { team_id: teamId, pair_id: asMentee, strengths: `${mine} s`, weaknesses: `${mine} w`, opportunities: `${mine} o`, threats: `${mine} t`, updated_by: me },
      { team_id: teamId, pair_id: asMentor, strengths: `${secret} s`, weaknesses: null, opportunities: null, threats: null, updated_by: mentee },
    ])
    .execute();
  await db
    .insertInto('feedback_requests')
    .values([
      {
        team_id: teamId,
        pair_id: asMentee,
        requester_id: me,
        responder_id: mentor,
        area: `${mine} area`,
        question: `${mine} question`,
        status: 'applied',
        answer: `${theirs} answer`,
        application: `${mine} applied`,
        example_asked_at: now,
        example: `${theirs} example`,
        example_given_at: now,
      },
      {
        team_id: teamId,
        pair_id: asMentor,
        requester_id: mentee,
        responder_id: me,
        area: `${theirs} area`,
        question: `${theirs} ask`,
        status: 'answered',
        answer: `${mine} answer`,
        example_asked_at: now,
        example: `${mine} example`,
        example_given_at: now,
      },
    ])
    .execute();
  await db
    .insertInto('learning_resources')
    .values([
      {
        team_id: teamId,
        pair_id: asMentee,
        title: `${mine} book`,
        url: `https://example.com/${mine}-book`,
        recommended_by: me,
        explored_by: mentor,
        explored_at: now,
        takeaway: `${theirs} takeaway`,
      },
      { team_id: teamId, pair_id: asMentee, title: `${theirs} talk`, recommended_by: mentor, explored_by: me, explored_at: now, takeaway: `${mine} takeaway` },
    ])
    .execute();
  await db
    .insertInto('journal_entries')
    .values([
      { team_id: teamId, author_id: me, pair_id: asMentee, went_well: `${mine} went well`, learned: `${mine} learned`, try_next: `${mine} try next` },
      { team_id: teamId, author_id: me, pair_id: null, went_well: `${mine} unpaired entry` },
      { team_id: teamId, author_id: mentor, pair_id: asMentee, went_well: `${secret} journal of Maria` },
    ])
    .execute();
  await db
    .insertInto('appreciations')
    .values([
      { team_id: teamId, pair_id: asMentee, from_id: me, to_id: mentor, message: `${mine} thanks` },
      { team_id: teamId, pair_id: asMentee, from_id: mentor, to_id: me, message: `${theirs} thanks to Theo` },
    ])
    .execute();
  await db
    .insertInto('pair_updates')
    .values([
      {
        team_id: teamId,
        pair_id: asMentee,
        author_id: me,
        to_id: mentor,
        done_since: `${mine} update since`,
        win: `${mine} update win`,
        blocker: `${mine} update blocker`,
      },
      { team_id: teamId, pair_id: asMentee, author_id: mentor, to_id: me, done_since: `${theirs} update to Theo` },
    ])
    .execute();
  // Check-ins during the mentorship: Theo's (one kept private, one shared) and Maria's, private to her.
  await db
    .insertInto('progress_check_ins')
    .values([
      { team_id: teamId, pair_id: asMentee, user_id: me, checkpoint: 1, answer: 'not_working', note: `${mine} check-in note`, shared: false, answered_at: now },
      { team_id: teamId, pair_id: asMentor, user_id: me, checkpoint: 1, answer: 'great', note: null, shared: true, answered_at: now },
      {
        team_id: teamId,
        pair_id: asMentee,
        user_id: mentor,
        checkpoint: 1,
        answer: 'okay',
        note: `${secret} check-in of Maria`,
        shared: false,
        answered_at: now,
      },
    ])
    .execute();
  // Maria added Theo to the program's coordinators, and Theo added Olga.
  await db
    .insertInto('program_coordinators')
    .values([
      { team_id: teamId, user_id: me, added_by: mentor },
      { team_id: teamId, user_id: mentee, added_by: me },
    ])
    .execute();
  await db.insertInto('reminder_daily_counts').values({ team_id: teamId, user_id: me, local_date: '2026-11-20', sent: 2 }).execute();
  const outbox = (key: string, kind: string, recipient: string, pairId: string | null, state: 'pending' | 'sent', text: string | null) => ({
    team_id: teamId,
    kind,
    pair_id: pairId,
    recipient_id: recipient,
    dedupe_key: `mydata:${key}`,
    payload: JSON.stringify(text ? { topic: 'seeded', target: { type: 'dm', userId: recipient }, message: { text } } : {}),
    due_at: new Date(now.getTime() + day),
    next_attempt_at: new Date(now.getTime() + day),
    state,
  });
  await db
    .insertInto('outbox')
    .values([
      outbox('to-me', 'notice', me, asMentee, 'pending', `${theirs} said thanks`),
      outbox('reminder-me', 'prep', me, asMentee, 'pending', null),
      outbox('sent-to-maria', 'notice', mentor, asMentee, 'sent', `${mine} agenda shared`),
      outbox('waiting-for-maria', 'notice', mentor, asMentee, 'pending', `${mine} thanks`),
      outbox('reminder-maria', 'notes', mentor, asMentee, 'pending', null),
      outbox('olga-unrelated', 'notice', mentee, null, 'pending', 'about nothing of Theo'),
    ])
    .execute();
  // An earlier mentorship of Theo and Maria that Theo ended: his reason and both closing reflections.
  const ended = (
    await db
      .insertInto('pairs')
      .values({
        team_id: teamId,
        mentor_id: mentor,
        mentee_id: me,
        goals_channel_id: 'CGOALS',
        cadence: 'monthly',
        meeting_time: '10:00',
        time_zone: 'Europe/Berlin',
        first_meeting_on: '2026-01-05',
        meeting_minutes: 30,
        started_on: '2026-01-01',
        planned_end_on: '2026-07-01',
        created_by: mentor,
        status: 'ended',
        ended_at: new Date(now.getTime() - 100 * day),
        ended_by: me,
        end_reason: `${mine} reason for ending`,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const closing = (userId: string, mark: string) => ({
    team_id: teamId,
    pair_id: ended,
    user_id: userId,
    learned: `${mark} learned`,
    next_steps: `${mark} next`,
    long_term_goals: `${mark} long-term`,
    stay_in_touch: `${mark} touch`,
    would_mentor: 'yes' as const,
  });
  await db
    .insertInto('pair_reflections')
    .values([closing(me, mine), closing(mentor, secret)])
    .execute();
  // Expectations: Maria proposed those of Theo's pair with her (Theo wrote only his hope); Theo proposed those with Olga.
  const expectations = (pairId: string, proposer: string, terms: string, mentorHope: string, menteeHope: string) => ({
    team_id: teamId,
    pair_id: pairId,
    between_meetings: `${terms} between meetings`,
    feedback_style: `${terms} feedback style`,
    boundaries: `${terms} boundaries`,
    mentor_hope: `${mentorHope} hope`,
    mentee_hope: `${menteeHope} hope`,
    proposed_by: proposer,
  });
  await db
    .insertInto('pair_expectations')
    .values([expectations(asMentee, mentor, theirs, theirs, mine), expectations(asMentor, me, mine, mine, theirs)])
    .execute();
  return { asMentee, asMentor };
}

/** Text-bearing columns of every table in the database (information_schema), whatever the schema grows into. */
export async function textColumnsOf(db: Kysely<Database>): Promise<Array<{ table: string; column: string }>> {
  const rows = await db
    .selectFrom('information_schema.columns' as never)
    .select(['table_name as table' as never, 'column_name as column' as never])
    .where('table_schema' as never, '=', 'public' as never)
    .where('data_type' as never, 'in', ['text', 'character varying', 'jsonb', 'json'] as never)
    .orderBy('table_name' as never)
    .orderBy('column_name' as never)
    .execute();
  return rows as unknown as Array<{ table: string; column: string }>;
}

/** Every cell of the database holding `marker`, as `table.column: value`, sorted. */
export async function cellsHoldingIn(db: Kysely<Database>, marker: string): Promise<string[]> {
  const found: string[] = [];
  for (const { table, column } of await textColumnsOf(db)) {
    const rows = await db
      .selectFrom(table as never)
      .select(column as never)
      .execute();
    for (const row of rows as Array<Record<string, unknown>>) {
      const value = typeof row[column] === 'string' ? row[column] : JSON.stringify(row[column]);
      if (value?.includes(marker)) found.push(`${table}.${column}: ${value}`);
    }
  }
  return found.sort();
}

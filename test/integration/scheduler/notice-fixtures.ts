import pino from 'pino';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema';
import { NOTICE_KIND, type NewNotice, type NoticeHooks, type NoticePayload } from '../../../src/domain/notices/notice';
import type { SlackStandIn } from '../../../src/devtools/slack-stand-in';
import { createNoticeDispatcher, type NoticeSenderSettings } from '../../../src/scheduler/notice-sender';
import { createReminderClient, webClientReminderSlack } from '../../../src/scheduler/slack-gateway';
import { anyTeamSlack } from '../../../src/scheduler/team-slack';
import type { Logger } from '../../../src/logger';
import { RACE_TOKEN } from './replicas';

let counter = 0;

/** A notice row as the interaction layer writes it (kind 'notice', rendered message, a target). */
export async function writeNotice(
  db: Kysely<Database>,
  notice: Partial<Omit<NewNotice, 'payload'>> & {
    payload: Partial<NoticePayload> & Pick<NoticePayload, 'target'>;
    teamId: string;
    dueAt: Date;
    expiresAt?: Date;
  },
): Promise<string> {
  counter += 1;
  const target = notice.payload.target;
  const payload: NoticePayload = {
    topic: 'test_notice',
    message: { text: `notice ${counter}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `notice ${counter}` } }] },
    ...notice.payload,
  };
  const row = await db
    .insertInto('outbox')
    .values({
      team_id: notice.teamId,
      kind: NOTICE_KIND,
      pair_id: notice.pairId ?? null,
      meeting_id: notice.meetingId ?? null,
      recipient_id: notice.recipientId ?? (target.type === 'dm' ? target.userId : target.channelId),
      dedupe_key: notice.dedupeKey ?? `notice:test:${counter}:${Math.random()}`,
      payload: JSON.stringify(payload),
      due_at: notice.dueAt,
      next_attempt_at: notice.dueAt,
      expires_at: notice.expiresAt ?? null,
      updated_at: notice.dueAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A NoticeSender talking to the stand-in with the reminder client's settings, on the test's clock. */
export function testNoticeSender(
  db: Kysely<Database>,
  standIn: SlackStandIn,
  clock: () => Date,
  options: { hooks?: NoticeHooks; logger?: Logger; settings?: Partial<NoticeSenderSettings> } = {},
) {
  const settings = { replica: 'app', rate: { perSecond: 10_000, burst: 10_000 }, sendTimeoutMs: 500, ...options.settings };
  return createNoticeDispatcher({
    db,
    slack: anyTeamSlack(webClientReminderSlack(createReminderClient({ token: RACE_TOKEN, apiUrl: standIn.apiUrl, timeoutMs: settings.sendTimeoutMs }))),
    logger: options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    hooks: options.hooks,
    settings,
    clock: async () => clock,
  });
}

import type { OutboxRow } from '../../src/db/schema';
import type { NoticePayload } from '../../src/domain/notices/notice';
import type { Harness } from './harness';

/** The notices in the outbox (what requests committed), optionally of one topic, oldest first. */
export async function notices(h: Harness, topic?: string): Promise<Array<OutboxRow & { payload: NoticePayload }>> {
  const rows = await h.db.kysely.selectFrom('outbox').selectAll().where('kind', '=', 'notice').orderBy('created_at').execute();
  return rows.filter((row) => !topic || (row.payload as unknown as NoticePayload).topic === topic) as Array<OutboxRow & { payload: NoticePayload }>;
}

/** One scheduler pass at the harness clock, as any replica runs every minute. */
export async function runPass(h: Harness): Promise<void> {
  await h.bot.scheduler.runPass(h.clock.now);
  await h.settle();
}

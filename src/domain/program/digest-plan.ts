import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { NoticePayload } from '../notices/notice';
import { insertNotices } from '../notices/notices.repository';
import { type Digest, DIGEST_DAYS, DIGEST_LISTED, digestDue, digestKey, digestWindowOpen } from './digest';
import { habitTrend } from './program.service';
import * as repo from './program.repository';

/** Renders one coordinator's digest (the scheduler hands in the Block Kit builder; the domain has none). */
export type DigestRenderer = (digest: Digest, zone: string) => NoticePayload['message'];

/**
 * A scheduler pass's share of the weekly digest: writes, for each coordinator whose Monday 09:00 has
 * come (and not more than the catch-up ago), one notice to the outbox. The dedupe key (coordinator and
 * local Monday) makes it once whatever the number of passes and replicas; the dispatcher sends it with
 * the claim, fence and reconciliation of every notice, so it is never lost once written. Returns how
 * many were written.
 */
export async function planDigests(db: Kysely<Database>, now: Date, render: DigestRenderer): Promise<number> {
  if (!digestWindowOpen(now)) return 0;
  const due = (await repo.digestRecipients(db)).flatMap((recipient) => {
    const zone = recipient.time_zone ?? 'UTC';
    const when = digestDue(now, zone);
    return when ? [{ teamId: recipient.team_id, userId: recipient.user_id, zone, key: digestKey(recipient.team_id, recipient.user_id, when.week) }] : [];
  });
  const written = await repo.digestsWritten(
    db,
    due.map((d) => d.key),
  );
  const teams = new Map<string, typeof due>();
  for (const d of due) if (!written.has(d.key)) teams.set(d.teamId, [...(teams.get(d.teamId) ?? []), d]);
  let count = 0;
  for (const [teamId, recipients] of teams) {
    const digest = await digestOf(db, teamId, now);
    const notices = recipients.map((d) => ({
      teamId,
      pairId: null,
      meetingId: null,
      recipientId: d.userId,
      dedupeKey: d.key,
      dueAt: now,
      payload: { topic: 'program_digest', target: { type: 'dm' as const, userId: d.userId }, message: render(digest, d.zone) },
    }));
    count += (await insertNotices(db, notices, now)).length;
  }
  return count;
}

/** One workspace's digest: new and ended pairs of the last 7 days, the pairs stalled now, the habits. */
async function digestOf(db: Kysely<Database>, teamId: string, now: Date): Promise<Digest> {
  const since = new Date(now.getTime() - DIGEST_DAYS * 86_400_000);
  const [newPairs, ended, stalledPage, groups, habits] = await Promise.all([
    repo.pairsSince(db, teamId, 'created_at', since, DIGEST_LISTED),
    repo.pairsSince(db, teamId, 'ended_at', since, DIGEST_LISTED),
    repo.overviewPage(db, teamId, now, { status: null, health: 'stalled' }, { offset: 0, size: DIGEST_LISTED }),
    repo.overviewCounts(db, teamId, now),
    habitTrend(db, teamId, now),
  ]);
  const stalled = {
    total: groups.filter((group) => group.health === 'stalled').reduce((sum, group) => sum + group.n, 0),
    pairs: stalledPage.rows.map((row) => ({ mentorId: row.mentor_id, menteeId: row.mentee_id })),
  };
  return { teamId, newPairs, stalled, ended, habits };
}

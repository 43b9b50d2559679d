import { DateTime } from 'luxon';
import type { Kysely } from 'kysely';
import type { Database, Pair } from '../../db/schema';
import type { Tx } from '../../db/types';
import { transition } from './lifecycle-rules';
import { endDueAt, resumeDue } from './lifecycle-timing';
import { lockExpiredInvitations, lockPairsNearEnd, lockPausesEnding } from './lifecycle.repository';
import type { LifecycleService } from './lifecycle.service';

/** Pairs handled per transaction: each chunk's rows stay locked only while they are written. */
const PER_CHUNK = 100;
/** A monthly pair's last meeting can be up to a month before its planned end. */
const END_LOOKAHEAD_DAYS = 32;

const utcDay = (now: Date, days: number): string => DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ days }).toISODate() ?? '';

/**
 * The scheduler's part of a pair's life, run at the start of every pass (before meetings and
 * reminders are planned, so a pair that ends or pauses plans nothing more): invitations unanswered
 * for a week expire, pauses reach their resume date, pairs end after their last planned meeting or
 * their planned end. Replicas share the work (SKIP LOCKED); each change is one transaction with the
 * messages it causes, exactly as when a person does it.
 */
export class LifecyclePass {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly lifecycle: LifecycleService,
  ) {}

  async advance(now: Date): Promise<{ expired: number; resumed: number; ended: number }> {
    const expired = await this.inChunks(
      (tx) => lockExpiredInvitations(tx, now, PER_CHUNK),
      async (tx, pair) => {
        if (!transition(pair.status, 'expire', 'system').ok) return false;
        await this.lifecycle.removeInvitation(tx, pair, { how: 'expired', actorId: null, reason: null });
        return true;
      },
    );
    const resumed = await this.inChunks(
      (tx) => lockPausesEnding(tx, utcDay(now, 1), PER_CHUNK),
      async (tx, pair) => {
        if (!pair.resume_on || !resumeDue(pair.resume_on, pair.time_zone, now) || !transition(pair.status, 'resume_due', 'system').ok) return false;
        await this.lifecycle.resumeIn(tx, pair, null, now);
        return true;
      },
    );
    const ended = await this.inChunks(
      async (tx) => lockPairsNearEnd(tx, utcDay(now, END_LOOKAHEAD_DAYS), PER_CHUNK),
      async (tx, { pair, latestMeetingEnd }) => {
        if (endDueAt(pair, latestMeetingEnd).getTime() > now.getTime() || !transition(pair.status, 'auto_end', 'system').ok) return false;
        await this.lifecycle.endIn(tx, pair, { endedBy: null, reason: null }, now);
        return true;
      },
    );
    return { expired, resumed, ended };
  }

  /**
   * Reads a chunk, handles each row, commits; again while a full chunk changed something. Rows that are
   * not due yet (a pair in a zone where the day has not come) are left, so a chunk of them ends the loop.
   */
  private async inChunks<T extends Pair | { pair: Pair }>(read: (tx: Tx) => Promise<T[]>, handle: (tx: Tx, row: T) => Promise<boolean>): Promise<number> {
    let total = 0;
    for (;;) {
      const { found, changed } = await this.db.transaction().execute(async (tx) => {
        const rows = await read(tx);
        let count = 0;
        for (const row of rows) if (await handle(tx, row)) count += 1;
        return { found: rows.length, changed: count };
      });
      total += changed;
      if (found < PER_CHUNK || changed === 0) return total;
    }
  }
}

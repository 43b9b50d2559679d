import type { Actor } from '../../../domain/actor';
import type { ActionReply, Press } from '../../adapters/action';
import { journalBrowseModal } from '../../blocks/journal-browse';
import type { AppDeps } from '../../context';
import { JournalModal } from '../../ids';
import { offsetOf } from '../../inputs/journal-form';
import { zoneOf } from '../../known-person';

/** Pressed inside the journal modal: the page it shows (from its metadata); null anywhere else. */
export const journalPageOf = (press: Press): number | null =>
  press.view?.callbackId === JournalModal.browse.callbackId ? offsetOf(press.view.privateMetadata) : null;

/** The journal modal redrawn as it now is (after a change, or when a button in it was stale). */
export async function redrawJournal(deps: AppDeps, actor: Actor, offset: number, notice?: string): Promise<ActionReply> {
  const [page, zone] = await Promise.all([deps.services.journal.page(actor, offset), zoneOf(deps, actor.teamId, actor.userId)]);
  return { kind: 'update_view', view: journalBrowseModal(page, zone, notice) };
}

/** A refused Edit or Delete in the journal modal: the entry is gone or never was theirs, so the page is redrawn. */
export const redrawStaleJournal = (_error: unknown, press: Press, deps: AppDeps): Promise<ActionReply> | null => {
  const offset = journalPageOf(press);
  return offset === null ? null : redrawJournal(deps, press.actor, offset);
};

import { DateTime } from 'luxon';
import { AgendaModal, GoalModal, NotesModal, PairModal } from '../slack/ids';
import type { SandboxPage } from './page-driver';

/** Called at the moments worth a picture (`npm run screenshots`); the test passes none. */
export type Snap = (name: string) => Promise<void>;
const none: Snap = async () => undefined;

/**
 * A mentorship played on the sandbox page, as people would: the end-to-end test checks what each step
 * shows, and `npm run screenshots` photographs it. Each step starts where the one before left off.
 */
export async function pairSetUp(p: SandboxPage, snap: Snap = none): Promise<void> {
  await p.actAs('Maria');
  await p.go('Messages');
  await p.type('/mentorship pair');
  await p.modal.waitFor();
  await p.select(PairModal.blocks.mentee, 'Theo');
  await p.select(PairModal.blocks.channel, 'theo-growth');
  await snap('pair-setup-modal');
  await p.submit();
  await p.modal.waitFor({ state: 'detached' });
  await p.actAs('Theo');
  await p.press('A mentorship invitation', 'Accept');
  await p.sees('Welcome to your mentorship');
}

/** Theo writes a SMART goal and shares it; Maria approves it in the goals channel. */
export async function goalApproved(p: SandboxPage, snap: Snap = none): Promise<void> {
  const { blocks: b } = GoalModal;
  await p.actAs('Theo');
  await p.go('Messages');
  await p.type('/mentorship goals');
  await p.press(/goal/i, 'Add a goal');
  await p.modal.waitFor();
  await p.fill(b.title, 'Lead a design review');
  await p.fill(b.specific, 'Prepare and run the design review of the billing service.');
  await p.fill(b.measurable, 'The review happens and two decisions are written down.');
  await p.fill(b.targetDate, await inWeeks(p, 8));
  await p.check(b.shareNow);
  await p.submit();
  await p.modal.waitFor({ state: 'detached' });
  await p.actAs('Maria');
  await p.go('#theo-growth');
  await p.press('Lead a design review', 'Approve');
  await p.sees(/Approved by/);
  await snap('goal-approved');
}

/** Theo prepares the agenda of the first meeting; Maria gets it by DM. */
export async function agenda(p: SandboxPage, snap: Snap = none): Promise<void> {
  const { blocks: a } = AgendaModal;
  await p.actAs('Theo');
  await p.go('Messages');
  await p.type('/mentorship agenda');
  await p.modal.waitFor();
  await p.fill(a.topics, 'How to lead my first retro');
  await p.fill(a.feedbackFocus, 'how I explain designs');
  await submitAndClose(p, 'Agenda shared');
  await p.actAs('Maria');
  await p.sees('How to lead my first retro');
  await snap('agenda-dm');
}

/** The clock moves to the first meeting: on the way, the day before, Theo gets the prep nudge. */
export async function prepNudge(p: SandboxPage): Promise<void> {
  await p.actAs('Theo');
  await p.clock('next-meeting');
  await p.sees(/Your meeting with/);
}

/** After the meeting Maria records notes with an action item for Theo; both get the summary. */
export async function notes(p: SandboxPage): Promise<void> {
  const { blocks: n } = NotesModal;
  await p.actAs('Maria');
  await p.clock('hour');
  await p.type('/mentorship notes');
  await p.modal.waitFor();
  await p.fill(n.takeaways, 'Run the retro with a clear timebox.');
  await p.fill(n.actionItems, 'Theo: write the retro plan');
  await submitAndClose(p, 'Notes saved');
  await p.sees('write the retro plan');
}

/** Theo opens the bot's Home tab. */
export async function home(p: SandboxPage, snap: Snap = none): Promise<void> {
  await p.actAs('Theo');
  await p.go('Home');
  await p.body.locator('.home').waitFor();
  await snap('home-tab');
}

/** Submits the modal; the bot answers with a confirmation in it (titled `confirmation`), which the person closes. */
async function submitAndClose(p: SandboxPage, confirmation: string): Promise<void> {
  await p.submit();
  await p.modal.filter({ hasText: confirmation }).waitFor();
  await p.closeModal();
  await p.modal.waitFor({ state: 'detached' });
}

/** A date `weeks` from the page's clock, as a date input takes it. */
async function inWeeks(p: SandboxPage, weeks: number): Promise<string> {
  const iso = await p.page.locator('body').getAttribute('data-clock');
  return (
    DateTime.fromISO(iso ?? '')
      .plus({ weeks })
      .toISODate() ?? ''
  );
}

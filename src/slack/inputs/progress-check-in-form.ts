import { z } from 'zod';
import type { CheckInForm } from '../../domain/check-ins/check-ins.service';
import type { Parsed } from '../adapters/view';
import { ProgressCheckInModal } from '../ids';
import { decodeMetadata } from './metadata';
import { readOption, readOptions, readText } from './view-state';
import { Uuid } from '../../domain/ids';

const Answer = z.enum(['great', 'okay', 'not_working']);
const Checkpoint = z.union([z.literal(1), z.literal(2)]);
const Metadata = z.object({ pairId: Uuid, checkpoint: Checkpoint });

/** A check-in button's value: `<pair id>:<checkpoint>` (a claim the service checks). */
export function parseCheckInButton(value: string | undefined): { pairId: string; checkpoint: 1 | 2 } | null {
  const [pairId, checkpoint] = (value ?? '').split(':');
  const parsed = Metadata.safeParse({ pairId, checkpoint: Number(checkpoint) });
  return parsed.success ? parsed.data : null;
}

export function parseCheckInForm(view: { private_metadata?: string }, values: unknown): Parsed<{ pairId: string; form: CheckInForm }> {
  const { blocks: b, actions: a } = ProgressCheckInModal;
  const metadata = decodeMetadata(Metadata, view.private_metadata);
  if (!metadata) return { ok: false, errors: { [b.answer]: 'This form is out of date: open it again from the check-in message.' } };
  const answer = Answer.safeParse(readOption(values, b.answer, a.answer));
  if (!answer.success) return { ok: false, errors: { [b.answer]: 'Pick how it is going.' } };
  return {
    ok: true,
    value: {
      pairId: metadata.pairId,
      form: {
        checkpoint: metadata.checkpoint,
        answer: answer.data,
        note: readText(values, b.note, a.note),
        shared: readOptions(values, b.share, a.share).includes(ProgressCheckInModal.shareValue),
      },
    },
  };
}

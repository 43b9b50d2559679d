import { parseUuid } from '../../domain/ids';
import type { ExpectationsForm } from '../../domain/expectations/expectation-rules';
import type { Parsed } from '../adapters/view';
import { ExpectationsModal } from '../ids';
import { requirePairId } from '../pair-resolver';
import { readText } from './view-state';

type View = { private_metadata?: string; blocks: readonly { block_id?: string }[] };

/** The expectations form: its pair (a claim the service checks) and four optional answers; the service checks their lengths.
 * Slack enforces max_length in the client, but a submission is untrusted: the service checks again.. */
export function parseExpectationsForm(view: View, values: unknown): Parsed<{ pairId: string; form: ExpectationsForm }> {
  const { blocks: b, actions: a } = ExpectationsModal;
  const pair = requirePairId(view, values, b.betweenMeetings);
  if (!pair.ok) return pair;
  const text = (field: keyof typeof b) => readText(values, b[field], a[field]);
  return {
    ok: true,
    value: {
      pairId: pair.pairId,
      form: { betweenMeetings: text('betweenMeetings'), feedbackStyle: text('feedbackStyle'), boundaries: text('boundaries'), myHope: text('myHope') },
    },
  };
}

/** The Confirm button's value: `<pair id>:<version>`. */
export function parseConfirmValue(value: string | undefined): { pairId: string; version: number } | null {
  const [id, version, ...rest] = (value ?? '').split(':');
  const pairId = parseUuid(id);
  return pairId && rest.length === 0 && /^\d{1,9}$/.test(version ?? '') ? { pairId, version: Number(version) } : null;
}

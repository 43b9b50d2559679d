import { lineErrorsText } from '../../../domain/program/enrolment';
import { onSubmit } from '../../adapters/view';
import { enrolPreviewModal } from '../../blocks/program-enrol';
import { ProgramEnrolModal } from '../../ids';
import { encodeEnrolBatch, parseEnrolForm } from '../../inputs/program-enrol-form';
import { checkBatch } from '../../program-enrol';

const TOO_LONG = 'This batch is too long to carry to its preview; split it in two and send each half.';

/**
 * The pasted pairs: parsed, checked with Slack and the database, and either refused under the input
 * (every bad line named, the text kept) or shown in a preview pushed on top. Nothing is created here.
 */
export const programEnrolSubmit = onSubmit({
  name: 'program_enrol',
  field: ProgramEnrolModal.blocks.lines,
  fields: { lines: ProgramEnrolModal.blocks.lines },
  parse: ({ values }) => parseEnrolForm(values),
  run: async (lines, { actor, client }, deps) => {
    const { pairs, errors } = await checkBatch(client, deps, actor, lines);
    if (errors.length > 0) return { ok: false as const, errors: { lines: lineErrorsText(errors) } };
    try {
      const metadata = encodeEnrolBatch(pairs.map(({ line, draft }) => ({ line, ...draft })));
      return { ok: true as const, pairs, metadata };
    } catch (error) {
      if (error instanceof RangeError) return { ok: false as const, errors: { lines: TOO_LONG } };
      throw error;
    }
  },
  ack: ({ pairs, metadata }) => ({ response_action: 'push', view: enrolPreviewModal(pairs, metadata) }),
});

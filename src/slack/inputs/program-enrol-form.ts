import { z } from 'zod';
import type { Cadence } from '../../db/schema';
import type { PairDraft } from '../../domain/pairs/pair-rules';
import { type EnrolLine, lineErrorsText, parseEnrolment } from '../../domain/program/enrolment';
import type { Parsed } from '../adapters/view';
import { ProgramEnrolModal } from '../ids';
import { decodeMetadata, encodeMetadata } from './metadata';
import { readLines } from './view-state';

const { blocks: b, actions: a } = ProgramEnrolModal;

/** The pasted lines, parsed; every bad line is named under the input, and the text stays as typed. */
export function parseEnrolForm(values: unknown): Parsed<EnrolLine[]> {
  const parsed = parseEnrolment(readLines(values, b.lines, a.lines) ?? '');
  return parsed.ok ? { ok: true, value: parsed.lines } : { ok: false, errors: { [b.lines]: lineErrorsText(parsed.errors) } };
}

/*
 * The preview carries the checked lines to its confirmation in private_metadata (3,000 characters),
 * one compact string a line: `line,mentor,mentee,channel,w|b|m,YYYYMMDD,HHMM`, about 55 characters
 * with Slack's 11-character ids, so a full batch of 50 fits. People are carried as their Slack ids
 * (an email was looked up once, for the preview); the confirmation asks Slack about them again.
 */
const CADENCE_CODE: Record<Cadence, string> = { weekly: 'w', biweekly: 'b', monthly: 'm' };
const CODE_CADENCE: Record<string, Cadence> = { w: 'weekly', b: 'biweekly', m: 'monthly' };
const LINE = /^(\d{1,4}),([UW][A-Z0-9]{2,20}),([UW][A-Z0-9]{2,20}),([CG][A-Z0-9]{2,20}),([wbm]),(\d{4})(\d{2})(\d{2}),(\d{2})(\d{2})$/;
const Metadata = z.object({ l: z.array(z.string().regex(LINE)).min(1).max(50) });

/** A checked line as the preview carries it: its number and the draft's own fields (the zone is asked again). */
export type CheckedLine = { line: number } & Pick<PairDraft, 'mentorId' | 'menteeId' | 'goalsChannelId' | 'cadence' | 'firstDate' | 'firstTime'>;

/** Throws RangeError when the batch would not fit (ids far longer than Slack's). */
export function encodeEnrolBatch(lines: readonly CheckedLine[]): string {
  return encodeMetadata({
    l: lines.map(
      (l) =>
        `${l.line},${l.mentorId},${l.menteeId},${l.goalsChannelId},${CADENCE_CODE[l.cadence]},${l.firstDate.replace(/-/g, '')},${l.firstTime.replace(':', '')}`,
    ),
  });
}

/** The lines back from the preview (untrusted: the confirmation checks them all again); null when unreadable. */
export function decodeEnrolBatch(raw: string | undefined): EnrolLine[] | null {
  const data = decodeMetadata(Metadata, raw);
  if (!data) return null;
  return data.l.map((text) => {
    const [, line, mentorId, menteeId, channel, code, y, mo, d, hh, mm] = LINE.exec(text)!;
    return {
      line: Number(line),
      mentor: { kind: 'user', userId: mentorId! },
      mentee: { kind: 'user', userId: menteeId! },
      goalsChannelId: channel!,
      cadence: CODE_CADENCE[code!]!,
      firstDate: `${y}-${mo}-${d}`,
      firstTime: `${hh}:${mm}`,
    };
  });
}

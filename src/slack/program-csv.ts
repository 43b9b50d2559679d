import { DateTime } from 'luxon';
import type { ExportPair, ProgramExport } from '../domain/program/overview';
import { localDateIn } from '../domain/time/zoned';
import { HEALTH_OPTION, REASON_TEXT, STATE_LABEL } from './blocks/program-format';

/**
 * The program's pairs as a CSV file (issue 16, point 6): UTF-8, one header row, RFC 4180. Names,
 * ids, dates, states, health and counts only: nothing a pair typed is in the export to begin with.
 */

/** Excel reads a file as UTF-8 only when it starts with the byte order mark; other readers skip it. */
const BOM = '\uFEFF';
/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection). A quote in
 * front makes it text. Tab and carriage return are on OWASP's list too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: defused if it could be read as a formula, and quoted (quotes doubled) when RFC 4180 asks. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows of cells as RFC 4180 text: comma-separated, CRLF after every record. */
export function csvText(rows: ReadonlyArray<readonly string[]>): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

export function programCsv(exported: ProgramExport): string {
  const zone = exported.viewerZone;
  const header = [
    'state',
    'mentor',
    'mentor id',
    'mentee',
    'mentee id',
    'start',
    'planned end',
    `last meeting held (${zone})`,
    `next meeting (${zone})`,
    'health',
    'health reasons',
    'meetings held',
    'goals',
    'goals achieved',
    'agendas shared',
    'notes recorded',
    'feedback asked',
    'resources explored',
    'thanks said',
  ];
  return BOM + csvText([header, ...exported.pairs.map((pair) => pairRow(pair, zone))]);
}

function pairRow(pair: ExportPair, zone: string): string[] {
  const { counts } = pair;
  return [
    STATE_LABEL[pair.status],
    pair.mentorName ?? '',
    pair.mentorId,
    pair.menteeName ?? '',
    pair.menteeId,
    pair.startedOn,
    pair.plannedEndOn,
    pair.lastHeldAt ? localDateIn(pair.lastHeldAt, zone) : '',
    pair.nextAt ? DateTime.fromJSDate(pair.nextAt, { zone }).toFormat('yyyy-MM-dd HH:mm') : '',
    pair.judgement ? HEALTH_OPTION[pair.judgement.health] : '',
    pair.judgement ? pair.judgement.reasons.map((reason) => REASON_TEXT[reason]).join('; ') : '',
    ...[
      counts.meetingsHeld,
      counts.goals,
      counts.goalsAchieved,
      counts.agendasShared,
      counts.notesRecorded,
      counts.feedbackAsked,
      counts.resourcesExplored,
      counts.thanksSaid,
    ].map(String),
  ];
}

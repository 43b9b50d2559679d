import type { ExportPair } from '../../../src/domain/program/overview';
import { csvCell, programCsv } from '../../../src/slack/program-csv';
import { parseCsv } from '../../support/csv';

const counts = { meetingsHeld: 3, goals: 4, goalsAchieved: 1, agendasShared: 2, notesRecorded: 3, feedbackAsked: 1, resourcesExplored: 2, thanksSaid: 5 };
const pair = (over: Partial<ExportPair> = {}): ExportPair => ({
  id: 'p1',
  status: 'active',
  mentorId: 'UMENTOR',
  menteeId: 'UMENTEE',
  mentorName: 'Maria',
  menteeName: 'Theo',
  startedOn: '2026-10-01',
  plannedEndOn: '2027-04-01',
  lastHeldAt: new Date('2026-12-01T23:30:00Z'),
  nextAt: new Date('2026-12-08T23:30:00Z'),
  judgement: { health: 'needs_attention', reasons: ['no_notes', 'no_agenda'] },
  counts,
  ...over,
});

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Maria Lopez')).toBe('Maria Lopez');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvCell('Lopez, Maria')).toBe('"Lopez, Maria"');
    expect(csvCell('the "boss"')).toBe('"the ""boss"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('prefixes a cell that a spreadsheet would run as a formula with a quote', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}HYPERLINK("http://evil")`).startsWith(`"'${start}`)).toBe(true);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@Maria')).toBe("'@Maria");
    expect(csvCell('1+1=2')).toBe('1+1=2');
  });
});

describe('programCsv', () => {
  it('is UTF-8 text with a byte order mark, one header row and one CRLF-ended row per pair', () => {
    const text = programCsv({ viewerZone: 'Europe/Berlin', now: new Date('2026-12-02T10:00:00Z'), pairs: [pair(), pair({ id: 'p2' })] });
    expect(text.startsWith('\uFEFFstate,mentor,mentor id,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text.slice(1))).toHaveLength(3);
  });

  it('holds state, names and ids, dates in the coordinator zone, health with its reasons, and the counts', () => {
    const [header, row] = parseCsv(programCsv({ viewerZone: 'Europe/Berlin', now: new Date('2026-12-02T10:00:00Z'), pairs: [pair()] }).slice(1));
    expect(Object.fromEntries(header!.map((name, i) => [name, row![i]]))).toEqual({
      state: 'Active',
      mentor: 'Maria',
      'mentor id': 'UMENTOR',
      mentee: 'Theo',
      'mentee id': 'UMENTEE',
      start: '2026-10-01',
      'planned end': '2027-04-01',
      'last meeting held (Europe/Berlin)': '2026-12-02',
      'next meeting (Europe/Berlin)': '2026-12-09 00:30',
      health: 'Needs attention',
      'health reasons': 'no notes after the last two meetings; no agenda before the last two meetings',
      'meetings held': '3',
      goals: '4',
      'goals achieved': '1',
      'agendas shared': '2',
      'notes recorded': '3',
      'feedback asked': '1',
      'resources explored': '2',
      'thanks said': '5',
    });
  });

  it('leaves health and missing dates empty for an ended pair, and defuses a name that looks like a formula', () => {
    const [, row] = parseCsv(
      programCsv({
        viewerZone: 'UTC',
        now: new Date('2026-12-02T10:00:00Z'),
        pairs: [pair({ status: 'ended', judgement: null, lastHeldAt: null, nextAt: null, mentorName: '=cmd|"/c calc"!A1', menteeName: null })],
      }).slice(1),
    );
    expect(row!.slice(0, 11)).toEqual(['Ended', `'=cmd|"/c calc"!A1`, 'UMENTOR', '', 'UMENTEE', '2026-10-01', '2027-04-01', '', '', '', '']);
  });
});

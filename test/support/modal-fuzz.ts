/**
 * A generic fuzzer for the bot's modals and command text. A modal is described by how to open it;
 * the fuzzer reads the view the bot opened (from the stand-in), generates `state.values` for each of
 * its input blocks by element type (fuzz-values.ts), submits them signed as Slack would, and checks
 * what every submission must satisfy:
 *   - HTTP 200 (no 5xx, no missing ack) and nothing logged at error level (no listener threw);
 *   - an ack Slack accepts: success, or `errors` keyed by input block ids of that view;
 *   - a required block with a broken value (wrong type, impossible date, absent) is refused;
 *   - when refused, the database is exactly as before;
 *   - nothing the bot showed afterwards carries a broadcast or a mention/link the person typed.
 *
 * Adding a feature's modal is one entry: `{ name, userId, open: (h, user) => … }`.
 */
import fc from 'fast-check';
import type { Json, StoredView } from '../../src/devtools/slack-stand-in';
import { buildSubmission } from '../../src/devtools/slack-driver/submission';
import { SUBCOMMANDS } from '../../src/slack/subcommands';
import { snapshotDb } from './db-snapshot';
import { blockArbitrary, type FuzzedBlock, type FuzzWorld, hostileText, INJECTIONS } from './fuzz-values';
import type { Harness } from './harness';
import type { CapturedLogs } from './log-capture';
import { outputsOf, unsafeOutput } from './slack-output';
import { sendViewSubmission } from './raw-slack';

export interface ModalFuzzTarget {
  name: string;
  /** Who opens and submits the modal. */
  userId: string;
  /** Opens the modal as `userId` (a command, a button…) and resolves with the view from the stand-in. */
  open(h: Harness, userId: string): Promise<StoredView>;
  /** Valid text for inputs the fuzzer cannot guess (a time zone name…), by block id. */
  validText?: Record<string, fc.Arbitrary<string>>;
  /** Required blocks the app may legitimately ignore, so a broken value there need not be refused. */
  lenientBlocks?: readonly string[];
  /** Also forge `private_metadata` (ids of other pairs, junk): for modals that carry an id in it. */
  fuzzMetadata?: boolean;
}

export interface FuzzOptions {
  world: FuzzWorld;
  logs: CapturedLogs;
  numRuns?: number;
}

export interface FuzzStats {
  runs: number;
  accepted: number;
  refused: number;
}

/** FUZZ_SEED=<n> replays a failure fast-check reported; FUZZ_RUNS scales every fuzz test. */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261122;
const runs = (n: number): number => (process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : n);

interface Submission {
  blocks: FuzzedBlock[];
  metadata?: string;
}

function submissionArbitrary(view: StoredView, target: ModalFuzzTarget, world: FuzzWorld): fc.Arbitrary<Submission> {
  const inputs = view.blocks.filter((block) => block.type === 'input' && block.element);
  const arb = (block: Json, mode: 'valid' | 'deviant' | 'any') => blockArbitrary(block, world, { validText: target.validText?.[String(block.block_id)], mode });
  const allValid = fc.tuple(...inputs.map((block) => arb(block, 'valid')));
  // Everything valid but one block: each field's own validation is reached, not masked by another's error.
  const oneDeviant = fc.nat({ max: inputs.length - 1 }).chain((odd) => fc.tuple(...inputs.map((block, i) => arb(block, i === odd ? 'deviant' : 'valid'))));
  const mixed = fc.tuple(...inputs.map((block) => arb(block, 'any')));
  const blocks = fc.oneof({ arbitrary: allValid, weight: 1 }, { arbitrary: oneDeviant, weight: 3 }, { arbitrary: mixed, weight: 1 });
  const metadata = target.fuzzMetadata
    ? fc.option(
        fc.oneof(
          fc.uuid().map((pairId) => JSON.stringify({ pairId })),
          fc.jsonValue().map((value) => JSON.stringify(value)),
          fc.string({ maxLength: 50 }),
          fc.constantFrom('{', 'null', '{"pairId":"<!channel>"}', '{"pairId":1}'),
        ),
        { nil: undefined },
      )
    : fc.constant(undefined);
  return fc.record({ blocks, metadata });
}

/** Fuzzes one modal; resolves with how many submissions the app accepted and refused. */
export async function fuzzModal(h: Harness, target: ModalFuzzTarget, options: FuzzOptions): Promise<FuzzStats> {
  const shape = await target.open(h, target.userId);
  const stats: FuzzStats = { runs: 0, accepted: 0, refused: 0 };
  const property = fc.asyncProperty(submissionArbitrary(shape, target, options.world), async (submission) => {
    await h.settle();
    const view = await target.open(h, target.userId);
    const before = await snapshotDb(h.db);
    const callsBefore = h.standIn.calls.length;
    const logsBefore = options.logs.lines.length;

    const values: Json = buildSubmission(view, {}).values;
    const inputIds = new Set(view.blocks.filter((b) => b.type === 'input').map((b) => String(b.block_id)));
    for (const block of submission.blocks) {
      if (!inputIds.has(block.blockId)) continue;
      if (block.entry === undefined) delete values[block.blockId];
      else values[block.blockId] = block.entry;
    }
    const response = await sendViewSubmission(h, target.userId, view, values, submission.metadata);
    const where = `${target.name}: ${describe(submission)}`;
    if (response.status !== 200) throw new Error(`${where}: HTTP ${response.status}`);
    const applied = h.standIn.applyViewAck(target.userId, view.id, response.json);
    if (!applied.ok)
      throw new Error(`${where}: an ack Slack would refuse (${applied.error} ${applied.messages?.join('; ') ?? ''}): ${response.text.slice(0, 300)}`);

    await h.settle();
    const typed = submission.blocks.flatMap((b) => (b.typed ? [b.typed] : []));
    const outputs = [{ where: 'ack', payload: response.json }, ...outputsOf(h.standIn.calls.slice(callsBefore))];
    const unsafe = unsafeOutput(outputs, typed);
    if (unsafe.length > 0) throw new Error(`${where}: typed text rendered live: ${JSON.stringify(unsafe[0])}`);
    const errors = options.logs.lines.slice(logsBefore).filter((line) => line.level >= 50);
    if (errors.length > 0) throw new Error(`${where}: the app logged an error: ${JSON.stringify(errors[0]).slice(0, 400)}`);

    const broken = submission.blocks.filter((b) => b.fate === 'broken' && isRequired(view, b.blockId) && !target.lenientBlocks?.includes(b.blockId));
    if (broken.length > 0 && applied.action !== 'errors') {
      throw new Error(`${where}: accepted (${applied.action}) although ${broken.map((b) => b.blockId).join(', ')} had no usable value`);
    }
    if (applied.action === 'errors') {
      const after = await snapshotDb(h.db);
      if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`${where}: refused, but the database changed`);
      stats.refused += 1;
    } else {
      stats.accepted += 1;
    }
    stats.runs += 1;
  });
  await fc.assert(property, { numRuns: runs(options.numRuns ?? 40), seed: SEED, verbose: 1 });
  return stats;
}

/** `/mentorship <random text>`: any subcommand word followed by hostile text, or hostile text alone. */
export const commandText: fc.Arbitrary<string> = fc.oneof(
  hostileText,
  fc.tuple(fc.constantFrom(...SUBCOMMANDS.map((s) => s.name), 'HELP', 'Pair'), hostileText).map(([word, rest]) => `${word} ${rest}`),
  fc.constantFrom(...INJECTIONS),
);

/** Fuzzes the slash command's text: every answer is a 200 with valid JSON (or empty) and shows nothing typed live. */
export async function fuzzCommandText(h: Harness, options: { userId: string; logs: CapturedLogs; numRuns?: number }): Promise<void> {
  const property = fc.asyncProperty(commandText, async (text) => {
    await h.settle();
    const callsBefore = h.standIn.calls.length;
    const logsBefore = options.logs.lines.length;
    const response = await h.driver.command(options.userId, text);
    const where = `/mentorship ${JSON.stringify(text.slice(0, 120))}`;
    if (response.status !== 200) throw new Error(`${where}: HTTP ${response.status}`);
    if (response.text !== '' && response.json === undefined) throw new Error(`${where}: the ack is not JSON: ${response.text.slice(0, 200)}`);
    await h.settle();
    const outputs = [{ where: 'ack', payload: response.json }, ...outputsOf(h.standIn.calls.slice(callsBefore))];
    const unsafe = unsafeOutput(outputs, [text]);
    if (unsafe.length > 0) throw new Error(`${where}: typed text rendered live: ${JSON.stringify(unsafe[0])}`);
    const errors = options.logs.lines.slice(logsBefore).filter((line) => line.level >= 50);
    if (errors.length > 0) throw new Error(`${where}: the app logged an error: ${JSON.stringify(errors[0]).slice(0, 400)}`);
  });
  await fc.assert(property, { numRuns: runs(options.numRuns ?? 60), seed: SEED, verbose: 1 });
}

function isRequired(view: StoredView, blockId: string): boolean {
  const block = view.blocks.find((b) => b.block_id === blockId);
  return block?.type === 'input' && block.optional !== true;
}

function describe(submission: Submission): string {
  return submission.blocks.map((b) => `${b.blockId}=${b.fate}`).join(' ');
}

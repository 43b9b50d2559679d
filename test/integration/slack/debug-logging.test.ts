import { boltLogger } from '../../../src/logger';
import { JournalModal } from '../../../src/slack/ids';
import { type Harness, startHarness, USERS } from '../../support/harness';
import { captureLogs } from '../../support/log-capture';
import { eventually } from '../../support/wait';

/**
 * LOG_LEVEL=debug is for operators chasing a problem: Bolt, the Web API client and the Socket Mode
 * client then log every request and answer. What people typed (a journal entry above all) must stay
 * out of the log all the same, and so must tokens.
 */
const SECRET = 'I am scared of the architecture review';
const { write: w } = JournalModal;
const logs = captureLogs('debug');
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ logger: logs.logger });
});
afterAll(() => h.close());

it('keeps a journal entry out of the log while Bolt and the Web API client log at debug level', async () => {
  await h.driver.command(USERS.mentee.id, 'journal');
  const view = await eventually(() => h.standIn.topView(USERS.mentee.id));
  const result = await h.driver.submitView(USERS.mentee.id, view, { [w.blocks.wentWell]: SECRET });
  expect(result.errors).toBeUndefined();
  // The entry went to Slack (in the confirmation): the client had it in a request body.
  await eventually(() => h.standIn.ephemeralsFor(USERS.mentee.id).some((m) => JSON.stringify(m.blocks).includes(SECRET)));
  await h.settle();

  const written = JSON.stringify(logs.lines);
  expect(logs.lines.some((line) => line.component === 'bolt' && line.level === 20)).toBe(true);
  expect(written).toContain('http request body: [payload omitted]');
  expect(written).not.toContain(SECRET);
  expect(written).not.toContain('architecture review');
  expect(written).not.toMatch(/xox[abpr]-/);
});

it('keeps envelopes, acks and objects out of what the Socket Mode client and Bolt log, at every level', () => {
  const captured = captureLogs('debug');
  const log = boltLogger(captured.logger);
  const envelope = JSON.stringify({ envelope_id: 'e1', payload: { view: { state: { values: { b: { a: { value: SECRET } } } } } } });
  log.debug(`Received a message on the WebSocket: ${envelope}`);
  log.debug(`Calling ack() - type: interactive, envelope_id: e1, data: ${JSON.stringify({ response_action: 'errors', errors: { b: SECRET } })}`);
  log.debug(`ack() call begins (body: ${JSON.stringify({ text: SECRET })})`);
  log.debug(JSON.stringify([{ text: SECRET }]));
  log.warn('http request failed', { body: SECRET });
  log.error(new Error('boom'), { token: 'xoxb-123-abc', text: SECRET });
  log.info(`a long line ${'x'.repeat(1_000)}`);
  const written = JSON.stringify(captured.lines);
  expect(captured.lines).toHaveLength(7);
  expect(written).not.toContain(SECRET);
  expect(written).not.toContain('xoxb-');
  expect(captured.lines.map((line) => line.msg)).toEqual([
    'Received a message on the WebSocket: [payload omitted]',
    'Calling ack() - type: interactive, envelope_id: e1, data: [payload omitted]',
    'ack() call begins (body: [payload omitted]',
    '[payload omitted]',
    'http request failed [object omitted]',
    'Error: boom [object omitted]',
    `a long line ${'x'.repeat(300 - 'a long line '.length)}…`,
  ]);
});

import { supportsReusePort } from '../../../src/slack/acceptors';

describe('whether Node can share the bot’s port between listening sockets', () => {
  it.each([
    ['20.20.2', false],
    ['22.11.0', false],
    ['22.12.0', true],
    ['23.0.0', false],
    ['23.1.0', true],
    ['24.0.0', true],
    ['26.1.0', true],
  ])('Node %s: %s', (version, expected) => {
    expect(supportsReusePort(version)).toBe(expected);
  });
});

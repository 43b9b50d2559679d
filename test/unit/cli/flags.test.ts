import { ConfigError } from '../../../src/config';
import { UsageError } from '../../../src/cli/flags';
import { parseTickFlags } from '../../../src/cli/tick';

describe('npm run tick flags', () => {
  it('reads --now as a separate word or after =, and means the database clock without it', () => {
    expect(parseTickFlags(['--now', '2026-12-01T09:00:00Z']).now?.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(parseTickFlags(['--now=2026-12-01T09:00:00+01:00']).now?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(parseTickFlags([]).now).toBeNull();
  });

  it('refuses an unknown flag, a stray word and a missing value with one line naming it', () => {
    expect(() => parseTickFlags(['--nwo', '2026-12-01T09:00:00Z'])).toThrow(
      new UsageError('tick: unknown option --nwo (`npm run tick -- --help` lists the options)'),
    );
    expect(() => parseTickFlags(['2026-12-01T09:00:00Z'])).toThrow(
      new UsageError('tick: unexpected argument 2026-12-01T09:00:00Z (`npm run tick -- --help` lists the options)'),
    );
    expect(() => parseTickFlags(['--now'])).toThrow(UsageError);
  });

  it('refuses a --now that is not an ISO instant', () => {
    expect(() => parseTickFlags(['--now', 'tomorrow'])).toThrow(new ConfigError('--now: must be an ISO instant such as 2026-12-01T09:00:00Z'));
  });
});

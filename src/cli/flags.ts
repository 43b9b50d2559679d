import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the tool cannot run: the one line to print, and exit status 2 (a usage error). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = { [K in keyof O]?: O[K] extends { type: 'string' } ? string : boolean };

/**
 * The flags of an operator command (`npm run tick`, `npm run migrate`), parsed strictly: an unknown
 * flag or a stray word is refused rather than ignored, so a typo never runs a real pass. `--help`
 * prints the usage and exits 0 before anything reads the environment or opens a database.
 */
export function parseFlags<O extends Options>(command: string, argv: readonly string[], options: O, usage: string): Values<O> {
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${command}: ${describe(error)} (\`npm run ${command} -- --help\` lists the options)`);
  }
  if (values.help) {
    process.stdout.write(usage.endsWith('\n') ? usage : `${usage}\n`);
    process.exit(0);
  }
  return values as Values<O>;
}

/** node:util's messages suggest `--` tricks that make no sense here; say what was wrong, briefly. */
function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const quoted = /'([^']+)'/.exec(message ?? '')?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted ?? ''}`.trim();
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return (message ?? 'invalid option value').replace(/^Option /, 'option ').replace(/\.$/, '');
    default:
      return message ?? String(error);
  }
}

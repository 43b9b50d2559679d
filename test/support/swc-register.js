// Lets `node -r test/support/swc-register.js src/….ts` run TypeScript sources without a build, for the
// tests that spawn the CLI or the bot: @swc/core (a dev dependency through @swc/jest) transpiles each .ts file on require.
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');

require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};

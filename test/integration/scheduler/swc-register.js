// Lets `node -r ./swc-register.js src/cli/tick.ts` run TypeScript sources without a build, for the tick
// CLI test: @swc/core (already a dev dependency through @swc/jest) transpiles each .ts file on require.
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

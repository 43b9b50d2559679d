// Lint. typescript-eslint's recommended rules, plus the type-aware rules that catch what tests rarely
// do: a promise nobody awaits (a lost Slack call, an unhandled rejection), a promise passed where a
// callback is expected, an await on something that is not a promise, a throw of a non-Error, and
// imports that exist only for types. The no-unsafe-* family is left off: values from outside (Slack
// payloads, JSON) are checked with zod at the edge, and casting every read of them would add noise,
// not safety.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests build Slack payloads and fakes by hand; the Slack stand-in and driver handle arbitrary JSON.
    files: ['test/**/*.ts', 'src/devtools/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

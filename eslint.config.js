// ESLint: typescript-eslint's recommended rules, and the rules of the house (docs/architecture.md,
// "Rules") as import restrictions per folder, so that an editor flags a wrong import as it is
// typed; test/unit/layering.test.ts checks the same table on the whole import graph (cycles too).
import tseslint from 'typescript-eslint';

/** Relative imports of these folders (from anywhere under src/), as no-restricted-imports patterns. */
const folders = (...names) => names.map((n) => `**/${n}/**`);
const noFolders = (...names) => ({ group: folders(...names), message: `this folder may not import ${names.join('/, ')}/ (docs/architecture.md, Rules)` });
const packages = {
  driver: { group: ['cassandra-driver', 'cassandra-driver/*'], message: 'only src/db/ imports cassandra-driver' },
  aws: { group: ['@aws-sdk/*'], message: 'only src/db/ imports the AWS SDK' },
  ink: { group: ['ink', 'ink/*', 'react', 'react/*', 'react-reconciler'], message: 'only src/ui/ imports Ink and React' },
};
const restrict = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', '.cache/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `catch {}` blocks say why they are empty in a comment
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['src/cql/**', 'src/format/**', 'src/render/**', 'src/describe/**', 'src/util/**'],
    rules: {
      'no-restricted-imports': restrict(noFolders('db', 'copy', 'shell', 'settings', 'cli', 'ui', 'output'), packages.driver, packages.aws, packages.ink),
    },
  },
  {
    files: ['src/db/**'],
    rules: { 'no-restricted-imports': restrict(noFolders('copy', 'shell', 'settings', 'cli', 'ui', 'output'), packages.ink) },
  },
  {
    files: ['src/copy/**'],
    rules: { 'no-restricted-imports': restrict(noFolders('shell', 'settings', 'cli', 'ui', 'output'), packages.driver, packages.aws, packages.ink) },
  },
  {
    files: ['src/shell/**'],
    rules: {
      'no-restricted-imports': restrict(noFolders('settings', 'cli', 'ui', 'output'), packages.driver, packages.aws, packages.ink),
      // the engine never reaches for the process: the faces hand it its IO and settings
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'on', message: 'the faces take signals, not the engine' },
        { object: 'process', property: 'once', message: 'the faces take signals, not the engine' },
        { object: 'process', property: 'env', message: 'the faces read the environment and hand the engine what it needs' },
      ],
    },
  },
  {
    files: ['src/settings/**'],
    rules: { 'no-restricted-imports': restrict(noFolders('copy', 'shell', 'cli', 'ui', 'output'), packages.driver, packages.aws, packages.ink) },
  },
  {
    files: ['src/output/**'],
    rules: { 'no-restricted-imports': restrict(noFolders('settings', 'cli', 'ui'), packages.driver, packages.aws, packages.ink) },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': restrict(
        noFolders('settings', 'cli'),
        { group: ['**/batch.js', '**/run.js'], message: 'the faces do not import each other' },
        packages.driver,
        packages.aws,
      ),
    },
  },
  {
    files: ['src/batch.ts'],
    rules: { 'no-restricted-imports': restrict(noFolders('settings', 'cli', 'ui'), packages.driver, packages.aws, packages.ink) },
  },
);

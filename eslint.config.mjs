// `npm run lint`: Next's rules (React, hooks, a11y, Core Web Vitals), typescript-eslint's recommended
// rules, and a 140-character line limit (issue 16).
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import stylistic from '@stylistic/eslint-plugin';

const config = [
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'db/migrations/**', 'data/**', 'tests/fixtures/**', 'docs/**',
      'next-env.d.ts'],
  },
  ...nextVitals,
  ...nextTypescript,
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      // Code wraps at 140; a long message, URL or config line in a literal is easier to find (grep) unsplit.
      '@stylistic/max-len': ['error', {
        code: 140, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true,
      }],
      // `_name` marks a parameter or destructured value that is there for its position, not its use.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_',
        ignoreRestSiblings: true,
      }],
      '@typescript-eslint/no-unused-expressions': 'error',
      // Only says the React Compiler would skip a component (react-hook-form's watch()); we do not use the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // Pages and layouts are server components: they render once per request, so reading the clock there is fine.
    files: ['app/**/page.tsx', 'app/**/layout.tsx'],
    rules: { 'react-hooks/purity': 'off' },
  },
  {
    // Tests and benchmarks name their vitest fixtures useX (useTestDatabase, useBrowser): these are not React hooks.
    files: ['tests/**', 'bench/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Config files export their settings object by convention.
    files: ['*.config.{js,mjs,ts}'],
    rules: { 'import/no-anonymous-default-export': 'off' },
  },
];

export default config;

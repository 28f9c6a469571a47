import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NO_REACT = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/react-query', '**/hooks/**', '**/components/**', '**/provider/**'],
      message: 'This module is framework-free (userlens/core, userlens/testing, userlens/server): it must not import React or React-bound modules.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'storybook-static', 'node_modules', 'coverage', 'public', '.bench', 'screenshots', 'examples/*/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'userlens renders data as text, never as HTML.' },
      ],
    },
  },
  {
    files: ['src/client/**', 'src/format/**', 'src/testing/**', 'src/server/**', 'src/core.ts'],
    rules: { 'no-restricted-imports': ['error', NO_REACT] },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

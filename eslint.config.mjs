// typescript-eslint (type-checked) plus eslint-plugin-obsidianmd's recommended rules.
import { defineConfig, globalIgnores } from 'eslint/config';
import obsidianmd from 'eslint-plugin-obsidianmd';
import globals from 'globals';

export default defineConfig([
	globalIgnores([
		'node_modules/**',
		'main.js',
		'dist/**',
		'examples/**',
		'docs/**',
		'coverage/**',
		'**/*.mjs',
		'**/*.cjs',
		'**/*.json',
		'!package.json',
		'vitest.config.ts',
	]),
	...obsidianmd.configs.recommended,
	{
		files: ['**/*.ts'],
		languageOptions: {
			globals: { ...globals.browser },
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		// The command line, tests, scripts and the browser harness are not plugin code:
		// they run in Node (or a test page) where Node modules are the point.
		files: ['src/cli/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'harness/**/*.ts'],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'import/no-nodejs-modules': 'off',
			'no-restricted-imports': 'off',
			'obsidianmd/no-nodejs-modules': 'off',
			'depend/ban-dependencies': 'off',
		},
	},
]);

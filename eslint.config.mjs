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
			// Popout windows and console hygiene are about plugin code in Obsidian's window;
			// the command line, tests and benchmarks run in Node and print on purpose.
			'obsidianmd/prefer-window-timers': 'off',
			'obsidianmd/no-global-this': 'off',
			'obsidianmd/rule-custom-message': 'off',
			'no-console': 'off',
		},
	},
	{
		// js-yaml only as a test-only second YAML parser: what Obsidian reads notes with must read back what we write.
		files: ['package.json'],
		rules: { 'depend/ban-dependencies': ['error', { allowed: ['js-yaml'] }] },
	},
]);

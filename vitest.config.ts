import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		// Hang guards, not speed checks: a test that starts the command line a dozen times takes
		// 20 s and more when the machine's cores are busy (issue #13's flakiness hunt).
		testTimeout: 120000,
		hookTimeout: 120000,
		pool: 'forks',
	},
});

// Builds the harness's script: harness/harness.mjs with obsidian-test-mocks, for the browser.
//   import { buildHarness } from './harness/build.mjs'; const js = await buildHarness();
//   node harness/build.mjs [outfile]     writes it (default harness/dist/harness.js)
import esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * @param {{ sourcemap?: boolean }} [options] sourcemap: inline a source map (for debugging in the demo)
 * @returns {Promise<string>} the bundled script
 */
export async function buildHarness(options = {}) {
	const result = await esbuild.build({
		entryPoints: [join(here, 'harness.mjs')],
		bundle: true,
		format: 'iife',
		platform: 'browser',
		target: 'chrome110',
		write: false,
		sourcemap: options.sourcemap ? 'inline' : false,
		// Without a source map (the tests), a smaller script: the page parses it faster.
		minify: !options.sourcemap,
		logLevel: 'warning',
		absWorkingDir: join(here, '..'),
	});
	return result.outputFiles[0].text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const out = process.argv[2] ?? join(here, 'dist', 'harness.js');
	mkdirSync(dirname(out), { recursive: true });
	writeFileSync(out, await buildHarness({ sourcemap: true }));
	console.log(`wrote ${out}`);
}

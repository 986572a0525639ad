/**
 * The built plugin (main.js): CommonJS that requires nothing but `obsidian`
 * (no Node built-in, so it runs on Obsidian mobile), and that loads and
 * starts against the mocked Obsidian.
 */
import './setup';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import * as mocks from 'obsidian-test-mocks/obsidian';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST } from './harness';
import { VAULT } from './fixtures';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'main.js');

function newestSource(dir: string): number {
	let newest = 0;
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		const s = statSync(p);
		newest = Math.max(newest, s.isDirectory() ? newestSource(p) : s.mtimeMs);
	}
	return newest;
}

beforeAll(() => {
	const stale = !existsSync(MAIN) || statSync(MAIN).mtimeMs < newestSource(join(ROOT, 'src'));
	// A failed build fails here, with esbuild's message (execFileSync throws it), rather than testing an old main.js.
	if (stale) execFileSync(process.execPath, ['esbuild.config.mjs', 'production'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

describe('main.js', () => {
	it('requires nothing but obsidian', () => {
		const code = readFileSync(MAIN, 'utf8');
		const required = new Set([...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]));
		expect([...required]).toEqual(['obsidian']);
		// No require() with a computed name either.
		const calls = code.match(/\brequire\(/g) ?? [];
		const literal = code.match(/\brequire\(\s*["'`]/g) ?? [];
		expect(calls.length).toBe(literal.length);
	});

	it('carries no js-yaml (gray-matter\'s default engine, never used; its default schema is banned)', () => {
		const code = readFileSync(MAIN, 'utf8');
		// Strings only js-yaml holds: its JS-type tags and its probe for esprima.
		expect(code).not.toMatch(/tag:yaml\.org,2002:js\/|esprima/);
		expect(code).toMatch(/gray-matter's own js-yaml engine is not bundled/);
	});

	it('loads as CommonJS and starts with the mocked Obsidian', async () => {
		const code = readFileSync(MAIN, 'utf8');
		const module = { exports: {} as Record<string, unknown> };
		const requireOnlyObsidian = (name: string): unknown => {
			if (name !== 'obsidian') throw new Error(`main.js required ${name}`);
			return mocks;
		};
		// Run the bundle the way Obsidian does: a function of require, module and exports.
		const run = runInThisContext(`(function (require, module, exports) {\n${code}\n})`, { filename: MAIN }) as (r: typeof requireOnlyObsidian, m: typeof module, e: typeof module.exports) => void;
		run(requireOnlyObsidian, module, module.exports);
		const PluginClass = (module.exports.default ?? module.exports) as new (app: unknown, manifest: unknown) => {
			onload(): Promise<void>;
			started: Promise<void> | null;
			indexer: { ready: boolean; schedule: { actions: unknown[] } | null };
		};
		const app = mocks.App.createConfigured__({ files: VAULT });
		const plugin = new PluginClass(app.asOriginalType__(), MANIFEST);
		await plugin.onload();
		app.workspace.setLayoutReady__();
		await plugin.started;
		expect(plugin.indexer.ready).toBe(true);
		expect(plugin.indexer.schedule?.actions.length).toBeGreaterThan(0);
	});
});

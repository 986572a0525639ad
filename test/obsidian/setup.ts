/**
 * Test setup for the plugin: a DOM, obsidian-test-mocks' prototype extensions,
 * and the `obsidian` module mocked. Import it first in every test of the plugin:
 *
 *     import './setup';
 */
import { vi } from 'vitest';
import { installDom, installObsidianMocks } from './dom';

if (typeof document === 'undefined') installDom((name, value) => vi.stubGlobal(name, value));
await installObsidianMocks();
vi.mock('obsidian', async () => {
	const mocks = await import('obsidian-test-mocks/obsidian');
	// `requireApiVersion` compares with the app's version, which a test of an older app sets
	// (`setAppVersion`); the mocks' own always says yes.
	const atLeast = (have: string, want: string): boolean => {
		const a = have.split('.').map(Number);
		const b = want.split('.').map(Number);
		for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
		return true;
	};
	const version = () => (globalThis as { __obsidianAppVersion__?: string }).__obsidianAppVersion__ ?? mocks.apiVersion;
	return { ...mocks, requireApiVersion: (want: string) => atLeast(version(), want) };
});

/** Makes the mocked app this version of Obsidian for `requireApiVersion` (undefined: the mocks' own). */
export function setAppVersion(version: string | undefined): void {
	(globalThis as { __obsidianAppVersion__?: string }).__obsidianAppVersion__ = version;
}

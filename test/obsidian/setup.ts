/**
 * Test setup for the plugin: a DOM (domino, which obsidian-test-mocks already
 * brings in through turndown) and the mocked `obsidian` module.
 */
import { vi } from 'vitest';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import domino from '@mixmark-io/domino';

const win = domino.createWindow('<!doctype html><html><head></head><body></body></html>', 'app://obsidian.md/index.html') as unknown as Record<string, unknown>;
const g = globalThis as unknown as Record<string, unknown>;
if (typeof g['document'] === 'undefined') {
	g['window'] = win;
	g['document'] = win['document'];
	for (const name of Object.getOwnPropertyNames(win)) {
		if (name in g) continue;
		g[name] = win[name];
	}
	const impl = (domino as unknown as { impl: Record<string, unknown> }).impl;
	for (const [name, value] of Object.entries(impl)) if (!(name in g)) g[name] = value;
	for (const name of ['getComputedStyle']) g[name] = (win[name] as (...a: unknown[]) => unknown).bind(win);
}
const { setup } = await import('obsidian-test-mocks/setup');
// domino already defines a non-configurable `Node.prototype.doc` (same meaning:
// the owner document); let the mocks' setup skip properties it cannot redefine.
const defineProperties = Object.defineProperties;
Object.defineProperties = function <T>(target: T, props: PropertyDescriptorMap & ThisType<unknown>): T {
	const kept: PropertyDescriptorMap = {};
	for (const [key, desc] of Object.entries(props)) {
		const own = Object.getOwnPropertyDescriptor(target, key);
		if (own && !own.configurable) continue;
		kept[key] = desc;
	}
	return defineProperties(target, kept) as T;
};
try {
	setup();
} finally {
	Object.defineProperties = defineProperties;
}
vi.mock('obsidian', async () => await import('obsidian-test-mocks/obsidian'));

/**
 * Test setup for the plugin: a DOM (domino, which obsidian-test-mocks already
 * brings in through turndown, so no new dependency) and the mocked `obsidian`
 * module. Import it first in every test of the plugin:
 *
 *     import './setup';
 */
import { createRequire } from 'node:module';
import { vi } from 'vitest';

// domino's own typings declare a module named 'domino', so load it untyped.
const domino = createRequire(import.meta.url)('@mixmark-io/domino') as {
	createWindow(html: string, address: string): Record<string, unknown>;
	impl: Record<string, unknown>;
};

/** Globals Node has already (its own Event, CustomEvent and DOMException stay). */
const NODE_HAS = new Set(['DOMException', 'Event', 'CustomEvent']);
if (typeof document === 'undefined') {
	const win = domino.createWindow('<!doctype html><html><head></head><body></body></html>', 'app://obsidian.md/index.html');
	// Timers on `window` are Node's, so that fake timers and the event loop are one.
	win['setTimeout'] = setTimeout;
	win['clearTimeout'] = clearTimeout;
	win['setInterval'] = setInterval;
	win['clearInterval'] = clearInterval;
	win['open'] = () => null;
	vi.stubGlobal('window', win);
	vi.stubGlobal('document', win['document']);
	vi.stubGlobal('getComputedStyle', (win['getComputedStyle'] as (el: unknown) => unknown).bind(win));
	for (const [name, value] of Object.entries(domino.impl)) if (!NODE_HAS.has(name)) vi.stubGlobal(name, value);
}

const { setup } = await import('obsidian-test-mocks/setup');
// domino already defines a non-configurable `Node.prototype.doc` (same meaning:
// the owner document); let the mocks' setup skip properties it cannot redefine.
const defineProperties = Object.defineProperties;
Object.defineProperties = function defineSkippingFixed<T>(target: T, props: PropertyDescriptorMap & ThisType<unknown>): T {
	const kept: PropertyDescriptorMap = {};
	for (const [key, desc] of Object.entries(props)) {
		const own = Object.getOwnPropertyDescriptor(target, key);
		if (own && !own.configurable) continue;
		kept[key] = desc;
	}
	return defineProperties(target, kept);
};
try {
	setup();
} finally {
	Object.defineProperties = defineProperties;
}
vi.mock('obsidian', async () => await import('obsidian-test-mocks/obsidian'));

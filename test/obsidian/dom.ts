/**
 * A DOM for Node (domino, which obsidian-test-mocks already brings in through
 * turndown, so no new dependency) and obsidian-test-mocks' prototype
 * extensions (createDiv, createEl, empty, setText...). No vitest here, so the
 * benchmark can use it too.
 */
import { createRequire } from 'node:module';

// domino's own typings declare a module named 'domino', so load it untyped.
const domino = createRequire(import.meta.url)('@mixmark-io/domino') as {
	createWindow(html: string, address: string): Record<string, unknown>;
	impl: Record<string, unknown>;
};

/** Globals Node has already (its own Event, CustomEvent and DOMException stay). */
const NODE_HAS = new Set(['DOMException', 'Event', 'CustomEvent']);

/** Installs `window`, `document` and the DOM classes with `define(name, value)`. */
export function installDom(define: (name: string, value: unknown) => void): void {
	const win = domino.createWindow('<!doctype html><html><head></head><body></body></html>', 'app://obsidian.md/index.html');
	// Timers on `window` are Node's, so that fake timers and the event loop are one.
	win['setTimeout'] = setTimeout;
	win['clearTimeout'] = clearTimeout;
	win['setInterval'] = setInterval;
	win['clearInterval'] = clearInterval;
	win['open'] = () => null;
	define('window', win);
	define('document', win['document']);
	define('getComputedStyle', (win['getComputedStyle'] as (el: unknown) => unknown).bind(win));
	for (const [name, value] of Object.entries(domino.impl)) if (!NODE_HAS.has(name)) define(name, value);
	// domino has no `dataset` (the mocks' ExtraButtonComponent.setIcon writes to it): data-* attributes.
	const proto = (domino.impl['HTMLElement'] as { prototype: object }).prototype;
	if (!('dataset' in proto)) {
		const attr = (key: string): string => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
		Object.defineProperty(proto, 'dataset', {
			get(this: Element) {
				return new Proxy<Record<string, string>>({}, {
					get: (_t, key) => (typeof key === 'string' ? this.getAttribute(attr(key)) ?? undefined : undefined),
					set: (_t, key, value) => {
						if (typeof key === 'string') this.setAttribute(attr(key), String(value));
						return true;
					},
				});
			},
		});
	}
}

/** obsidian-test-mocks' setup (prototype extensions, activeDocument, app...), once the DOM is there. */
export async function installObsidianMocks(): Promise<void> {
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
}

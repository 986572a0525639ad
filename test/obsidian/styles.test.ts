import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '..', '..', 'styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

describe('styles.css', () => {
	it('styles only its own elements: every selector names one of its classes (prefixed ifu-), Obsidian\'s (tree-item, is-mobile) only around them', () => {
		const selectors = [...css.matchAll(/([^{}]+)\{/g)].map((m) => m[1].trim());
		expect(selectors.length).toBeGreaterThan(10);
		for (const sel of selectors) {
			for (const part of sel.split(',')) {
				const classes = [...part.matchAll(/\.([\w-]+)/g)].map((m) => m[1]);
				expect(classes.length, part).toBeGreaterThan(0);
				expect(classes.some((c) => c.startsWith('ifu-')), part).toBe(true);
				// The last class of the selector (what it styles) is the plugin's own, or an svg inside it.
				expect(classes.at(-1), part).toMatch(/^ifu-|^svg-icon$/);
			}
		}
	});

	it('takes every colour, size and font from Obsidian variables (readable in light and dark themes)', () => {
		const decls = [...css.matchAll(/([\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()] as const);
		for (const [prop, value] of decls) {
			if (/color|background|font-size|font-weight|font-family|padding|margin|gap|radius/.test(prop)) {
				expect(value, `${prop}: ${value}`).toMatch(/^(var\(--[\w-]+\)\s*)+$|^0$|^auto$|^none$|^var\(--[\w-]+\) 0( 0)?$|^0 0 var\(--[\w-]+\)$|^var\(--[\w-]+\) 0 0$/);
			}
			expect(value, `${prop}: ${value}`).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i);
			if (/^(min-|max-)?width$/.test(prop)) expect(value).not.toMatch(/px|em|rem/);
		}
	});
});

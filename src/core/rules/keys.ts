/**
 * Identity of the person a log entry or a snooze names, and stable short ids.
 */
import { parseWikiLink, personKey } from '../contacts';

/**
 * The person id a name stands for: `personKey` (contacts.ts: lowercased,
 * spacing collapsed). A name still written as a wikilink
 * (`[[People/Jane Doe|Jane]]`) stands for the linked note's name.
 */
export function personKeyOf(name: string): string {
	const link = parseWikiLink(name);
	return personKey(link === null ? name : link.basename);
}

/** Hex digit char codes `0`-`9`, `a`-`f`. */
const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

/**
 * 48 bits of two 32-bit multiplicative hashes (FNV-1a, and a Murmur-style
 * mix) of the parts joined by U+001F, as 12 hex digits. The parts are fed one
 * after the other, never concatenated; digits come from a table, not
 * `toString(16)`, which is slow on numbers above 2^31.
 */
export function shortHash(...parts: string[]): string {
	let h1 = 0x811c9dc5 | 0;
	let h2 = 0x9747b28c | 0;
	for (let p = 0; p < parts.length; p++) {
		if (p > 0) {
			h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
			h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
			h2 ^= h2 >>> 15;
		}
		const text = parts[p];
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			h1 = Math.imul(h1 ^ c, 0x01000193);
			h2 = Math.imul(h2 ^ c, 0x5bd1e995);
			h2 ^= h2 >>> 15;
		}
	}
	h1 ^= h1 >>> 16;
	h1 = Math.imul(h1, 0x85ebca6b | 0);
	h1 ^= h1 >>> 13;
	return String.fromCharCode(
		HEX[(h1 >>> 28) & 15],
		HEX[(h1 >>> 24) & 15],
		HEX[(h1 >>> 20) & 15],
		HEX[(h1 >>> 16) & 15],
		HEX[(h1 >>> 12) & 15],
		HEX[(h1 >>> 8) & 15],
		HEX[(h1 >>> 4) & 15],
		HEX[h1 & 15],
		HEX[(h2 >>> 12) & 15],
		HEX[(h2 >>> 8) & 15],
		HEX[(h2 >>> 4) & 15],
		HEX[h2 & 15],
	);
}

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

/** The two running states of the hash being computed (the functions below run one at a time). */
let h1 = 0;
let h2 = 0;

function start(): void {
	h1 = 0x811c9dc5 | 0;
	h2 = 0x9747b28c | 0;
}

/** The separator between two parts (U+001F). */
function separate(): void {
	h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
	h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
	h2 ^= h2 >>> 15;
}

function feed(text: string): void {
	let a = h1;
	let b = h2;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995);
		b ^= b >>> 15;
	}
	h1 = a;
	h2 = b;
}

function hexDigits(): string {
	let a = h1;
	a ^= a >>> 16;
	a = Math.imul(a, 0x85ebca6b | 0);
	a ^= a >>> 13;
	const b = h2;
	return String.fromCharCode(
		HEX[(a >>> 28) & 15],
		HEX[(a >>> 24) & 15],
		HEX[(a >>> 20) & 15],
		HEX[(a >>> 16) & 15],
		HEX[(a >>> 12) & 15],
		HEX[(a >>> 8) & 15],
		HEX[(a >>> 4) & 15],
		HEX[a & 15],
		HEX[(b >>> 12) & 15],
		HEX[(b >>> 8) & 15],
		HEX[(b >>> 4) & 15],
		HEX[b & 15],
	);
}

/**
 * 48 bits of two 32-bit multiplicative hashes (FNV-1a, and a Murmur-style
 * mix) of the parts joined by U+001F, as 12 hex digits. The parts are fed one
 * after the other, never concatenated; digits come from a table, not
 * `toString(16)`, which is slow on numbers above 2^31.
 */
export function shortHash(...parts: string[]): string {
	start();
	for (let p = 0; p < parts.length; p++) {
		if (p > 0) separate();
		feed(parts[p]);
	}
	return hexDigits();
}


/** The running state after some parts, to go on from with `shortHashAfter`. */
export interface HashPrefix {
	h1: number;
	h2: number;
}

/** The state after the parts `a` and `b`: `shortHashAfter(hashPrefix(a, b), c, d)` is `shortHash(a, b, c, d)`. */
export function hashPrefix(a: string, b: string): HashPrefix {
	start();
	feed(a);
	separate();
	feed(b);
	return { h1, h2 };
}

export function shortHashAfter(prefix: HashPrefix, c: string, d: string): string {
	h1 = prefix.h1;
	h2 = prefix.h2;
	separate();
	feed(c);
	separate();
	feed(d);
	return hexDigits();
}

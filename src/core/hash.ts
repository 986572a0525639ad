/**
 * Short, stable hashes of text: the same text gives the same value on every
 * run, platform and time zone. Action ids, the templates' choice of wording
 * and the command line's note fingerprints all use these. Not cryptographic.
 */

/** FNV-1a, 32 bits, over the UTF-16 code units of a string. */
export function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/**
 * FNV-1a followed by the MurmurHash3 finaliser, so that the low bits (used
 * with `%`) mix well.
 */
export function stableHash(text: string): number {
	let h = fnv1a(text);
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

/**
 * 48 bits as 12 hex digits, of the parts joined by U+001F: the high 32 from
 * FNV-1a with a final mix, the low 16 from a second, Murmur-style running
 * hash, so that two texts rarely collide. (The ids of v1 were made this way;
 * keeping it keeps every action's id.)
 */
export function shortHash(...parts: string[]): string {
	const text = parts.join('\u001f');
	let a = 0x811c9dc5 | 0;
	let b = 0x9747b28c | 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995);
		b ^= b >>> 15;
	}
	a ^= a >>> 16;
	a = Math.imul(a, 0x85ebca6b | 0);
	a ^= a >>> 13;
	return (a >>> 0).toString(16).padStart(8, '0') + (b & 0xffff).toString(16).padStart(4, '0');
}

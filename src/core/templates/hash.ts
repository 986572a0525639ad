/** FNV-1a, 32 bits, over the UTF-16 code units of a string. */
export function fnv1a(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/**
 * FNV-1a followed by the MurmurHash3 finaliser, so that the low bits (used
 * with `%`) mix well. Stable across runs, platforms and time zones: the same
 * text always gives the same number.
 */
export function stableHash(text: string): number {
	let h = fnv1a(text);
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

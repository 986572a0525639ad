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

/** 48 bits of two 32-bit FNV-1a style hashes of `text`, as 12 hex digits. */
export function shortHash(text: string): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x9747b28c;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193);
		h2 = Math.imul(h2 ^ c, 0x5bd1e995);
		h2 ^= h2 >>> 15;
	}
	h1 ^= h1 >>> 16;
	h1 = Math.imul(h1, 0x85ebca6b);
	h1 ^= h1 >>> 13;
	const a = (h1 >>> 0).toString(16).padStart(8, '0');
	const b = ((h2 >>> 0) & 0xffff).toString(16).padStart(4, '0');
	return a + b;
}

/**
 * Contacts in the three forms of note-format.md ("Contacts"):
 *
 * 1. a wikilink to a person note: `"[[Jane Doe]]"`, `"[[People/Jane Doe|Jane]]"`;
 * 2. a text: `Jane Doe, VP Engineering <jane@acme.com>` or
 *    `Jane Doe (VP Engineering) jane@acme.com +1 555 0100` — the name first,
 *    then title, email and phone in any order;
 * 3. an object `{name, title, email, phone}`.
 *
 * Nothing here throws: a value that is no contact gives a message saying why.
 */
import type { Contact } from './types';
import { normalizeKey } from './keys';

export type ContactResult = { ok: true; value: Contact } | { ok: false; message: string };

/** A parsed `[[target#subpath|alias]]`. */
export interface WikiLink {
	/** The link path as written, without subpath (`People/Jane Doe`, `.md` kept if written). */
	target: string;
	/** The note's name: the last path segment, without `.md`. */
	basename: string;
	subpath: string | null;
	alias: string | null;
}

/** The identity of a person: the name lowercased, spacing collapsed and trimmed. */
export function personKey(name: string): string {
	let ascii = true;
	for (let i = 0; i < name.length; i++) {
		if (name.charCodeAt(i) > 127) {
			ascii = false;
			break;
		}
	}
	// Only non-ASCII text can have another Unicode normal form.
	return (ascii ? name : name.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** `People/Jane Doe.md` -> `Jane Doe`. */
export function linkBasename(target: string): string {
	const last = target.slice(target.lastIndexOf('/') + 1);
	return /\.md$/i.test(last) ? last.slice(0, -3) : last;
}

/** Reads the inside of `[[...]]`: `People/Jane Doe#Contact|Jane`. */
export function parseLinkInner(inner: string): WikiLink | null {
	// In tables the pipe is escaped (`[[Jane Doe\|Jane]]`).
	const text = inner.replace(/\\\|/g, '|');
	const bar = text.indexOf('|');
	const pathPart = (bar >= 0 ? text.slice(0, bar) : text).trim();
	const alias = bar >= 0 ? text.slice(bar + 1).trim() || null : null;
	const hash = pathPart.search(/[#^]/);
	const target = (hash >= 0 ? pathPart.slice(0, hash) : pathPart).trim();
	const subpath = hash >= 0 ? pathPart.slice(hash).trim() || null : null;
	if (target === '') return null;
	const basename = linkBasename(target).trim();
	if (basename === '') return null;
	return { target, basename, subpath, alias };
}

/** A string that is exactly one wikilink (`[[Jane Doe]]`, surrounding spaces allowed). */
export function parseWikiLink(text: string): WikiLink | null {
	const m = /^\s*!?\[\[([^[\]]+)\]\]\s*$/.exec(text);
	return m ? parseLinkInner(m[1]) : null;
}

/**
 * YAML reads an unquoted `[[Jane Doe]]` as a list holding a list holding a
 * string. Gives back the `[[Jane Doe]]` text it was, or null.
 */
export function nestedLinkText(value: unknown): string | null {
	if (!Array.isArray(value) || value.length !== 1) return null;
	const inner: unknown = value[0];
	if (!Array.isArray(inner) || inner.length !== 1) return null;
	const s: unknown = inner[0];
	return typeof s === 'string' && s.trim() !== '' ? `[[${s}]]` : null;
}

/** A scalar as text: strings trimmed, numbers and booleans written out; anything else null. */
export function scalarText(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'boolean') return String(value);
	return null;
}

/** A value for a message: strings quoted, the rest as JSON, kept short. */
export function show(value: unknown): string {
	let s: string;
	if (typeof value === 'string') s = `'${value}'`;
	else {
		try {
			s = JSON.stringify(value) ?? String(value);
		} catch {
			s = String(value);
		}
	}
	return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

const EMAIL_RE = /<?\s*(?:mailto:)?([A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})\s*>?/;
// A phone number: an optional +, then digits with spaces, dots, dashes, slashes or
// brackets between them; at least seven digits in all (checked after the match).
const PHONE_RE = /(?:\+|\b)\d[\d ().\-/]{4,}\d\b/g;
const NAME_END_RE = /[,;(<[|]|\s[—–-]\s|\s—|—/;

interface Extracted {
	title: string | null;
	email: string | null;
	phone: string | null;
}

function findPhone(text: string): RegExpExecArray | null {
	PHONE_RE.lastIndex = 0;
	let m: RegExpExecArray | null;
	while ((m = PHONE_RE.exec(text)) !== null) {
		if (m[0].replace(/\D/g, '').length >= 7) return m;
	}
	return null;
}

/** Title, email and phone out of what follows the name, in any order. */
function extractDetails(rest: string): Extracted {
	let text = rest;
	let email: string | null = null;
	let phone: string | null = null;
	const em = EMAIL_RE.exec(text);
	if (em) {
		email = em[1];
		text = text.slice(0, em.index) + ' , ' + text.slice(em.index + em[0].length);
	}
	const ph = findPhone(text);
	if (ph) {
		phone = ph[0].trim();
		text = text.slice(0, ph.index) + ' , ' + text.slice(ph.index + ph[0].length);
	}
	const pieces = text
		.split(/[,;|]|\s[—–-]\s|—|–/)
		.map((p) => p.replace(/[()[\]<>]/g, ' ').replace(/\s+/g, ' ').trim())
		.map((p) => p.replace(/^(?:tel|phone|email|e-mail|mail)\s*:\s*/i, ''))
		.filter((p) => p !== '' && /[\p{L}\p{N}]/u.test(p));
	return { title: pieces.length > 0 ? pieces.join(', ') : null, email, phone };
}

function contact(name: string, link: WikiLink | null, details: Extracted): Contact {
	const c: Contact = {
		name,
		title: details.title,
		email: details.email,
		phone: details.phone,
		link: link ? link.target : null,
	};
	if (link && link.alias !== null) c.alias = link.alias;
	return c;
}

/** The text form, or a wikilink optionally followed by details (`[[Jane Doe]], VP Engineering`). */
export function parseContactText(raw: string): ContactResult {
	const text = raw.replace(/\s+/g, ' ').trim();
	if (text === '') return { ok: false, message: 'is empty' };
	const lm = /^!?\[\[([^[\]]+)\]\]/.exec(text);
	if (lm) {
		const link = parseLinkInner(lm[1]);
		if (!link) return { ok: false, message: `${show(raw)} is an empty link` };
		return { ok: true, value: contact(link.basename, link, extractDetails(text.slice(lm[0].length))) };
	}
	let end = text.length;
	const delim = NAME_END_RE.exec(text);
	if (delim) end = Math.min(end, delim.index);
	const em = EMAIL_RE.exec(text);
	if (em) end = Math.min(end, em.index);
	const ph = findPhone(text);
	if (ph) end = Math.min(end, ph.index);
	const name = text.slice(0, end).trim();
	if (!/\p{L}/u.test(name)) {
		return { ok: false, message: `${show(raw)} has no name first (write "Name, Title <email>")` };
	}
	return { ok: true, value: contact(name, null, extractDetails(text.slice(end))) };
}

const OBJECT_FIELDS: Record<string, 'name' | 'title' | 'email' | 'phone' | 'salutation' | undefined> = {
	name: 'name',
	title: 'title',
	role: 'title',
	position: 'title',
	email: 'email',
	mail: 'email',
	phone: 'phone',
	tel: 'phone',
	telephone: 'phone',
	salutation: 'salutation',
};

function parseContactObject(obj: Record<string, unknown>): ContactResult {
	const keys = Object.keys(obj);
	const known: Partial<Record<'name' | 'title' | 'email' | 'phone' | 'salutation', unknown>> = {};
	for (const k of keys) {
		const f = OBJECT_FIELDS[normalizeKey(k)];
		if (f !== undefined && !(f in known)) known[f] = obj[k];
	}
	if (!('name' in known)) {
		// `- Jane Doe: VP Engineering` unquoted in a YAML list is a one-key map.
		if (keys.length === 1 && Object.keys(known).length === 0) {
			const title = scalarText(obj[keys[0]]);
			const r = parseContactText(keys[0]);
			if (!r.ok) return r;
			if (title !== null && r.value.title === null) r.value.title = title;
			return r;
		}
		return { ok: false, message: `${show(obj)} has no name (write {name, title, email, phone})` };
	}
	const nameValue = known.name;
	const linked = nestedLinkText(nameValue);
	const nameText = linked ?? scalarText(nameValue);
	if (nameText === null) return { ok: false, message: `${show(obj)} has no name (write {name, title, email, phone})` };
	const link = parseWikiLink(nameText);
	const title = scalarText(known.title);
	const email = scalarText(known.email);
	const phone = scalarText(known.phone);
	const name = link ? link.basename : nameText.replace(/\s+/g, ' ').trim();
	const value = contact(name, link, {
		title,
		email: email === null ? null : email.replace(/^mailto:/i, ''),
		phone,
	});
	const salutation = scalarText(known.salutation);
	if (salutation !== null) value.salutation = salutation;
	return { ok: true, value };
}

/**
 * One item of a contact list: a string, an object, or a wikilink that YAML
 * read as nested lists (`[["Jane Doe"]]`).
 */
export function readContactItem(item: unknown): ContactResult | null {
	if (item === null || item === undefined) return null;
	const linked = nestedLinkText(item);
	if (linked !== null) return parseContactText(linked);
	if (typeof item === 'string') return item.trim() === '' ? null : parseContactText(item);
	if (typeof item === 'number' || typeof item === 'boolean') {
		return { ok: false, message: `${show(item)} is not a contact (write a name, a [[link]] or {name, title, email, phone})` };
	}
	if (Array.isArray(item)) {
		if (item.length === 1 && typeof item[0] === 'string') return parseContactText(item[0]);
		return { ok: false, message: `${show(item)} is not a contact (quote links: "[[Jane Doe]]")` };
	}
	if (typeof item === 'object') return parseContactObject(item as Record<string, unknown>);
	return { ok: false, message: `${show(item)} is not a contact` };
}

/** A single contact (a list of one is accepted); null when the value is empty. */
export function readContact(value: unknown): ContactResult | null {
	const linked = nestedLinkText(value);
	if (linked !== null) return parseContactText(linked);
	if (Array.isArray(value)) {
		const items = value.filter((v) => v !== null && v !== undefined && v !== '');
		if (items.length === 0) return null;
		if (items.length > 1) {
			return { ok: false, message: `${show(value)} names ${items.length} people; a contact is one person` };
		}
		return readContactItem(items[0]);
	}
	return readContactItem(value);
}

/** The agreed API: a contact, or null when the value is empty or no contact. */
export function parseContact(value: unknown): Contact | null {
	const r = readContact(value);
	return r !== null && r.ok ? r.value : null;
}

/** A list of contacts (a single contact is a list of one). */
export function readContactList(value: unknown): { contacts: Contact[]; errors: string[] } {
	const contacts: Contact[] = [];
	const errors: string[] = [];
	if (value === null || value === undefined) return { contacts, errors };
	const linked = nestedLinkText(value);
	const items: unknown[] = linked !== null ? [linked] : Array.isArray(value) ? value : [value];
	for (const item of items) {
		const r = readContactItem(item);
		if (r === null) continue;
		if (r.ok) contacts.push(r.value);
		else errors.push(r.message);
	}
	return { contacts, errors };
}

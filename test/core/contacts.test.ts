import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	nestedLinkText,
	parseContact,
	parseContactText,
	parseWikiLink,
	personKey,
	readContact,
	readContactList,
} from '../../src/core/contacts';

describe('personKey', () => {
	it('lowercases and collapses spacing', () => {
		expect(personKey('  Jane   DOE ')).toBe('jane doe');
		expect(personKey('Jane\tDoe')).toBe('jane doe');
		expect(personKey('Jane Doe')).toBe(personKey('jane doe'));
	});
});

describe('wikilinks', () => {
	it('parses target, alias, subpath and basename', () => {
		expect(parseWikiLink('[[People/Jane Doe|Jane]]')).toEqual({
			target: 'People/Jane Doe',
			basename: 'Jane Doe',
			subpath: null,
			alias: 'Jane',
		});
		expect(parseWikiLink('[[Jane Doe.md#Contact]]')).toMatchObject({ target: 'Jane Doe.md', basename: 'Jane Doe', subpath: '#Contact' });
		expect(parseWikiLink('[[]]')).toBeNull();
		expect(parseWikiLink('Jane [[Doe]]')).toBeNull();
	});

	it('recognises a link YAML read as nested lists', () => {
		expect(nestedLinkText([['Jane Doe']])).toBe('[[Jane Doe]]');
		expect(nestedLinkText(['Jane Doe'])).toBeNull();
		expect(nestedLinkText([['a', 'b']])).toBeNull();
	});
});

describe('parseContact: the three forms', () => {
	it('reads a wikilink: name is the note name, the alias only for display', () => {
		expect(parseContact('[[Jane Doe]]')).toEqual({ name: 'Jane Doe', title: null, email: null, phone: null, link: 'Jane Doe' });
		expect(parseContact('[[People/Jane Doe|Jane]]')).toEqual({
			name: 'Jane Doe',
			title: null,
			email: null,
			phone: null,
			link: 'People/Jane Doe',
			alias: 'Jane',
		});
	});

	it('reads an unquoted link (nested list) as the link', () => {
		expect(parseContact([['Jane Doe']])).toMatchObject({ name: 'Jane Doe', link: 'Jane Doe' });
		expect(parseContact([['People/Jane Doe|Jane']])).toMatchObject({ name: 'Jane Doe', link: 'People/Jane Doe', alias: 'Jane' });
	});

	it('reads "Name, Title <email>"', () => {
		expect(parseContact('Jane Doe, VP Engineering <jane@acme.com>')).toEqual({
			name: 'Jane Doe',
			title: 'VP Engineering',
			email: 'jane@acme.com',
			phone: null,
			link: null,
		});
	});

	it('reads "Name (Title) email phone"', () => {
		expect(parseContact('Jane Doe (VP Engineering) jane@acme.com +1 555 0100')).toEqual({
			name: 'Jane Doe',
			title: 'VP Engineering',
			email: 'jane@acme.com',
			phone: '+1 555 0100',
			link: null,
		});
	});

	it('finds title, email and phone in any order after the name', () => {
		expect(parseContact('John Roe, +1 (555) 010-0199, john@acme.example, Office Manager')).toEqual({
			name: 'John Roe',
			title: 'Office Manager',
			email: 'john@acme.example',
			phone: '+1 (555) 010-0199',
			link: null,
		});
		expect(parseContact('John Roe <john@acme.example>')).toMatchObject({ name: 'John Roe', title: null, email: 'john@acme.example' });
		expect(parseContact('John Roe — Office Manager')).toMatchObject({ name: 'John Roe', title: 'Office Manager' });
		expect(parseContact('Ann Smith')).toEqual({ name: 'Ann Smith', title: null, email: null, phone: null, link: null });
	});

	it('reads details after a link', () => {
		expect(parseContact('[[Jane Doe]], VP Engineering <jane@acme.com>')).toMatchObject({
			name: 'Jane Doe',
			link: 'Jane Doe',
			title: 'VP Engineering',
			email: 'jane@acme.com',
		});
	});

	it('reads the object form', () => {
		expect(parseContact({ name: 'Jane Doe', title: 'VP', email: 'mailto:jane@acme.com', phone: 5550100 })).toEqual({
			name: 'Jane Doe',
			title: 'VP',
			email: 'jane@acme.com',
			phone: '5550100',
			link: null,
		});
		expect(parseContact({ Name: '[[Jane Doe]]', Role: 'VP' })).toMatchObject({ name: 'Jane Doe', link: 'Jane Doe', title: 'VP' });
		expect(parseContact({ name: [['Jane Doe']] })).toMatchObject({ name: 'Jane Doe', link: 'Jane Doe' });
	});

	it('reads "- Jane Doe: VP" (a one-key map in YAML) as name and title', () => {
		expect(parseContact({ 'Jane Doe': 'VP Engineering' })).toMatchObject({ name: 'Jane Doe', title: 'VP Engineering' });
	});

	it('accepts a list of one as a single contact and refuses several', () => {
		expect(parseContact(['Jane Doe'])).toMatchObject({ name: 'Jane Doe' });
		const r = readContact(['Jane Doe', 'John Roe']);
		expect(r).toMatchObject({ ok: false });
		expect(r !== null && !r.ok && r.message).toMatch(/names 2 people/);
	});

	it('gives a message, never a throw, for bad values', () => {
		expect(readContact(null)).toBeNull();
		expect(readContact('')).toBeNull();
		for (const bad of [42, true, { title: 'VP' }, '<jane@acme.com>', '+1 555 0100', [['a', 'b']]]) {
			const r = readContact(bad);
			expect(r).not.toBeNull();
			expect(r?.ok).toBe(false);
		}
		expect(parseContact({ title: 'VP' })).toBeNull();
		const r = parseContactText('<jane@acme.com>');
		expect(!r.ok && r.message).toMatch(/has no name first/);
	});

	it('never throws on arbitrary values', () => {
		fc.assert(
			fc.property(fc.anything(), (v) => {
				readContact(v);
				readContactList(v);
			}),
			{ numRuns: 500 },
		);
		fc.assert(
			fc.property(fc.string(), (s) => {
				const r = parseContactText(s);
				if (r.ok) expect(r.value.name.trim()).not.toBe('');
			}),
			{ numRuns: 500 },
		);
	});
});

describe('readContactList', () => {
	it('mixes forms and keeps order', () => {
		const r = readContactList(['[[Jane Doe]]', 'John Roe, Office Manager <john.roe@acme.example>', { name: 'Ann' }, [['Bob Lee']]]);
		expect(r.errors).toEqual([]);
		expect(r.contacts.map((c) => c.name)).toEqual(['Jane Doe', 'John Roe', 'Ann', 'Bob Lee']);
		expect(r.contacts[3].link).toBe('Bob Lee');
	});

	it('treats a single contact as a list of one, including an unquoted link', () => {
		expect(readContactList('Jane Doe').contacts).toHaveLength(1);
		expect(readContactList([['Jane Doe']]).contacts).toEqual([
			{ name: 'Jane Doe', title: null, email: null, phone: null, link: 'Jane Doe' },
		]);
	});

	it('reports bad items and keeps the good ones', () => {
		const r = readContactList(['Jane Doe', 7, null, '']);
		expect(r.contacts.map((c) => c.name)).toEqual(['Jane Doe']);
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0]).toMatch(/7 is not a contact/);
	});
});

import { describe, expect, it } from 'vitest';
import { fieldOf, nearMiss, nearMisses, normalizeHeading, normalizeKey, readFields } from '../../src/core/keys';

describe('normalizeKey', () => {
	it('treats case, underscore, dash and space alike', () => {
		expect(normalizeKey('interview_date')).toBe('interview_date');
		expect(normalizeKey('Interview-Date')).toBe('interview_date');
		expect(normalizeKey('Interview date')).toBe('interview_date');
		expect(normalizeKey('  INTERVIEW  DATE ')).toBe('interview_date');
		expect(normalizeKey('interviewdate')).toBe('interviewdate');
	});
});

describe('fieldOf', () => {
	it.each([
		['company', 'company'],
		['Role', 'role'],
		['position', 'role'],
		['date', 'interview_date'],
		['Interviewed', 'interview_date'],
		['decision', 'decision_date'],
		['Decision by', 'decision_date'],
		['second-interview', 'next_interview'],
		['followups', 'follow_ups'],
		['Follow ups', 'follow_ups'],
		['log', 'follow_ups'],
		['Gift ideas', 'topics'],
		['snoozed', 'snoozed'],
		['tags', 'tags'],
	])('%s -> %s', (key, field) => {
		expect(fieldOf(key)).toBe(field);
	});

	it('returns null for keys the core does not read', () => {
		expect(fieldOf('aliases')).toBeNull();
		expect(fieldOf('interview')).toBeNull();
	});
});

describe('readFields', () => {
	it('lets the canonical key win over an alias whatever the order', () => {
		const { fields } = readFields({ date: '2026-01-01', interview_date: '2026-11-16', interviewed: '2025-01-01' });
		expect(fields.interview_date).toEqual({ key: 'interview_date', value: '2026-11-16' });
	});

	it('prefers the earlier alias when the key is absent', () => {
		const { fields } = readFields({ interviewed: '2025-01-01', date: '2026-01-01' });
		expect(fields.interview_date?.key).toBe('date');
	});

	it('keeps the key as written and reports two spellings of equal rank', () => {
		const r = readFields({ 'Interview Date': '2026-11-16', interview_date: '2026-11-17', Company: 'Acme' });
		expect(r.fields.interview_date).toEqual({ key: 'Interview Date', value: '2026-11-16' });
		expect(r.fields.company).toEqual({ key: 'Company', value: 'Acme' });
		expect(r.ignored).toEqual([[{ key: 'Interview Date', value: '2026-11-16' }, { key: 'interview_date', value: '2026-11-17' }]]);
	});

	it('a list key takes the items of the key and all its aliases, in the note order', () => {
		const r = readFields({ followups: ['2026-11-18 contact'], follow_ups: ['2026-11-17 thank-you: Jane'], log: '2026-11-19 status-check', tags: 'a', tag: ['b'] });
		expect(r.fields.follow_ups?.value).toEqual(['2026-11-18 contact', '2026-11-17 thank-you: Jane', '2026-11-19 status-check']);
		expect(r.fields.follow_ups?.parts?.map((p) => p.key)).toEqual(['followups', 'follow_ups', 'log']);
		expect(r.fields.tags?.value).toEqual(['a', 'b']);
		expect(r.ignored).toEqual([]);
	});

	it('handles null and empty data', () => {
		expect(readFields(null).fields).toEqual({});
		expect(readFields({}).fields).toEqual({});
	});
});

describe('nearMiss: keys that look like a key of the table (note-format.md v2)', () => {
	it('flags a final s, one edit for five to eight letters, two for longer', () => {
		expect(nearMiss('interviewer')).toBe('interviewers');
		expect(nearMiss('refrences')).toBe('references');
		expect(nearMiss('decison_date')).toBe('decision_date');
		expect(nearMiss('Intervew date')).toBe('interview_date');
		expect(nearMiss('Interveiw-Date')).toBe('interview_date');
		expect(nearMiss('roles')).toBe('role');
		expect(nearMiss('compnay')).toBe('company');
		expect(nearMiss('folow_ups')).toBe('follow_ups');
	});
	it('never flags ordinary keys, or keys of the table', () => {
		for (const key of ['name', 'rate', 'data', 'created', 'updated', 'aliases', 'author', 'source', 'cssclass', 'publish', 'rating', 'url', 'person', 'Interview Date', 'position', 'log', 'tag'])
			expect([key, nearMiss(key)]).toEqual([key, null]);
	});
	it('lists the near misses of a frontmatter object', () => {
		expect(nearMisses({ interviewer: 'Jane', name: 'x', company: 'Acme' })).toEqual([['interviewer', 'interviewers']]);
	});
});

describe('normalizeHeading', () => {
	it('normalises section headings', () => {
		expect(normalizeHeading('Follow-up log')).toBe('follow_up_log');
		expect(normalizeHeading('**Gift Ideas**:')).toBe('gift_ideas');
		expect(normalizeHeading('🎁 Topics')).toBe('topics');
		expect(normalizeHeading('Follow-ups')).toBe('follow_ups');
	});
});

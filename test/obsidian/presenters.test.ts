import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/types';
import { isInterviewNote, linkTargets } from '../../src/obsidian/classify';
import { parseFilter } from '../../src/obsidian/presenters/blockFilter';
import { actionSentence, relativeDay, statusText, whenText } from '../../src/obsidian/presenters/dueList';
import { TimeSlicer } from '../../src/obsidian/timeSlicer';

function action(over: Partial<Action>): Action {
	return {
		id: 'a1',
		kind: 'thank-you',
		state: 'due',
		earliest: '2026-11-20',
		due: '2026-11-24',
		company: 'Acme',
		role: 'Secretary',
		note: 'Interviews/Acme.md',
		person: { name: 'Jane Doe', title: null, email: null, phone: null },
		gifts: [],
		reason: 'Thank everyone within two business days.',
		application: 'acme|secretary',
		...over,
	};
}

describe('words', () => {
	it('says each kind as a sentence, with or without a person', () => {
		expect(actionSentence(action({}))).toBe('Send a thank-you note to Jane Doe');
		expect(actionSentence(action({ kind: 'status-check' }))).toBe('Check in with Jane Doe about the status');
		expect(actionSentence(action({ kind: 'referral-request', person: null }))).toBe('Ask your contact for referrals');
		expect(actionSentence(action({ kind: 'collect-names', person: null }))).toBe('Write down the names and titles of everyone you met');
	});

	it('relative days and due texts', () => {
		expect(relativeDay('2026-11-21', '2026-11-21')).toBe('today');
		expect(relativeDay('2026-11-21', '2026-11-22')).toBe('tomorrow');
		expect(relativeDay('2026-11-21', '2026-11-20')).toBe('yesterday');
		expect(relativeDay('2026-11-21', '2026-12-01')).toBe('in 10 days');
		expect(relativeDay('2026-03-30', '2026-03-28')).toBe('2 days ago');
		expect(whenText({ state: 'due', earliest: '2026-11-20', due: '2026-11-21' }, '2026-11-21')).toBe('Due today');
		expect(whenText({ state: 'overdue', earliest: '2026-11-16', due: '2026-11-20' }, '2026-11-21')).toBe('Was due yesterday (Fri 20 Nov)');
		expect(whenText({ state: 'upcoming', earliest: '2026-11-22', due: '2026-11-25' }, '2026-11-21')).toBe('Starts tomorrow (Sun 22 Nov), due Wed 25 Nov');
	});

	it('status bar text', () => {
		expect(statusText({ overdue: 0, due: 0 })).toBe('No follow-ups to do');
		expect(statusText({ overdue: 1, due: 0 })).toBe('Follow-ups: 1 overdue');
		expect(statusText({ overdue: 0, due: 3 })).toBe('Follow-ups: 3 to do now');
	});
});

describe('filters', () => {
	it('reads each line, with aliases, comments and errors with line numbers', () => {
		const r = parseFilter('companies: Acme,  Globex Corp\n\n// note\nstate: overdue\nwithin: 3\nrole Secretary');
		expect(r.filter).toEqual({ companies: ['acme', 'globex corp'], roles: null, kinds: null, states: ['overdue'], within: 3 });
		expect(r.errors).toEqual([{ line: 6, text: 'role Secretary', message: 'write "key: value" (keys: company, role, kinds, states, within)' }]);
		expect(parseFilter('within:').errors[0].message).toBe('"within" needs a value');
		expect(parseFilter('within: -1').errors).toHaveLength(1);
	});
});

describe('which notes are interview notes (from the metadata cache)', () => {
	const c = { interviewType: 'interview', interviewTag: 'interview', interviewFolders: ['Job hunt/Interviews'] };
	it('by type, tag (nested, with #, as a string) and folder', () => {
		expect(isInterviewNote('a.md', { type: 'interview' }, c)).toBe(true);
		expect(isInterviewNote('a.md', { Type: ' Interview ' }, c)).toBe(true);
		expect(isInterviewNote('a.md', { tags: ['work', '#interview/onsite'] }, c)).toBe(true);
		expect(isInterviewNote('a.md', { tags: 'work interview' }, c)).toBe(true);
		expect(isInterviewNote('a.md', { tags: ['interviewing'] }, c)).toBe(false);
		expect(isInterviewNote('Job hunt/Interviews/x.md', null, c)).toBe(true);
		expect(isInterviewNote('Job hunt/Interviews2/x.md', null, c)).toBe(false);
		expect(isInterviewNote('a.md', { type: 'recipe' }, c)).toBe(false);
	});

	it('link targets without headings or aliases', () => {
		expect(linkTargets({ frontmatterLinks: [{ link: 'People/Jane Doe' }], links: [{ link: 'Acme#History' }, { link: 'People/Jane Doe' }] })).toEqual(['People/Jane Doe', 'Acme']);
	});
});

describe('time slicing', () => {
	it('yields once a slice has used its budget and records the longest slice', async () => {
		let now = 0;
		let yields = 0;
		const slicer = new TimeSlicer(
			10,
			() => {
				yields++;
				return Promise.resolve();
			},
			() => now,
		);
		for (let i = 0; i < 10; i++) {
			now += i === 4 ? 7 : 4;
			await slicer.tick(`step ${i}`);
		}
		now += 5;
		const stats = slicer.finish('the end');
		// 4, 8, 12 -> yield; 4, 11 -> yield; 4, 8, 12 -> yield; 4, 8, 13 (finish).
		expect(yields).toBe(3);
		expect(stats.slices).toBe(4);
		expect(stats.longestMs).toBe(13);
		// The longest single step, and what it was.
		expect(stats.longestStepMs).toBe(7);
		expect(stats.longestStep).toBe('step 4');
	});
});

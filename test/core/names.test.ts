/**
 * Names in log entries, snoozes and topics (note-format.md v2): a person of
 * the application by full name, else by a first or last name only one person
 * of the application has; a warning on the entry's own line otherwise.
 */
import { describe, expect, it } from 'vitest';
import { endOfDay } from '../../src/core/dates';
import { computeSchedule, type Schedule } from '../../src/core/rules';
import { matchPerson } from '../../src/core/rules/ids';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { VaultIndex } from '../../src/core/vaultIndex';

function vault(notes: Record<string, string>): VaultIndex {
	const index = new VaultIndex(DEFAULT_SETTINGS);
	for (const [path, text] of Object.entries(notes)) index.upsert(path, text);
	return index;
}

const schedule = (index: VaultIndex, today: string): Schedule => computeSchedule(index, endOfDay(today), DEFAULT_SETTINGS);

describe('matchPerson', () => {
	const ids = ['jane doe', 'tina eight', 'john doe', 'zoë ångström'];
	it('takes the full name, a link, a unique first or last name, ignoring case', () => {
		expect(matchPerson('Jane Doe', ids)).toEqual({ id: 'jane doe' });
		expect(matchPerson('[[People/Tina Eight|T.]]', ids)).toEqual({ id: 'tina eight' });
		expect(matchPerson('Tina', ids)).toEqual({ id: 'tina eight' });
		expect(matchPerson('EIGHT', ids)).toEqual({ id: 'tina eight' });
		expect(matchPerson('Ångström', ids)).toEqual({ id: 'zoë ångström' });
	});
	it('names several people, or nobody', () => {
		expect(matchPerson('Doe', ids)).toEqual({ id: null, several: ['jane doe', 'john doe'] });
		expect(matchPerson('Bob', ids)).toEqual({ id: null, several: [] });
		// Only a whole first or last name: neither a middle part nor two words that are not the full name.
		expect(matchPerson('Jane D', ids)).toEqual({ id: null, several: [] });
		expect(matchPerson('Ti', ids)).toEqual({ id: null, several: [] });
	});
});

const fm = (lines: string[], body = ''): string => `---\n${lines.join('\n')}\n---\n${body}`;

describe('log entries and topics by a short name, through the index and the rules', () => {
	const acme1 = fm(
		['type: interview', 'company: Acme', 'role: Secretary', 'interview_date: 2026-11-16', 'interviewers:', '  - Jane Doe', '  - Tina Eight', 'follow_ups:', '  - "2026-11-17 thank-you: Jane"', '  - "2026-11-17 thank-you: Eight"'],
		'## Topics\n- Tina: sailing\n- Jane: the Boston marathon\n',
	);

	it('a unique first or last name marks the thank-you done and gives the topic to that person', () => {
		const index = vault({ 'Interviews/acme.md': acme1 });
		const s = schedule(index, '2026-11-18');
		expect(s.actions.filter((a) => a.kind === 'thank-you')).toEqual([]);
		expect(index.person('tina eight')?.topics).toEqual(['sailing']);
		expect(index.person('jane doe')?.topics).toEqual(['the Boston marathon']);
		expect([...index.diagnostics(), ...s.diagnostics]).toEqual([]);
	});

	it('a person named in another note of the application counts; a second Jane makes "Jane" name nobody, with a warning on its line', () => {
		const acme2 = fm(['type: interview', 'company: Acme', 'role: Secretary', 'interview_date: 2026-11-20', 'interviewers:', '  - Jane Roe']);
		const index = vault({ 'Interviews/acme.md': acme1, 'Interviews/acme 2.md': acme2 });
		const s = schedule(index, '2026-11-18');
		// Jane Doe's thank-you is no longer done by "Jane".
		expect(s.actions.filter((a) => a.kind === 'thank-you').map((a) => a.person?.name)).toEqual(['Jane Doe']);
		const warnings = [...index.diagnostics(), ...s.diagnostics].filter((d) => d.note === 'Interviews/acme.md').sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
		expect(warnings.map((d) => [d.line, d.message])).toEqual([
			[10, 'follow-up "2026-11-17 thank-you: Jane" could name Jane Doe or Jane Roe, so it marks nothing done; write the full name'],
			[15, 'topic "Jane: the Boston marathon" could be about Jane Doe or Jane Roe; write the full name'],
		]);
		expect(index.person('jane doe')?.topics).toEqual([]);
		expect(index.person('tina eight')?.topics).toEqual(['sailing']);
	});

	it('the warning follows the change: removing the second Jane clears it (incremental index)', () => {
		const index = vault({ 'Interviews/acme.md': acme1, 'Interviews/acme 2.md': fm(['type: interview', 'company: Acme', 'role: Secretary', 'interview_date: 2026-11-20', 'interviewers:', '  - Jane Roe']) });
		expect(index.person('jane doe')?.topics).toEqual([]);
		index.remove('Interviews/acme 2.md');
		expect(index.person('jane doe')?.topics).toEqual(['the Boston marathon']);
		expect(index.diagnostics()).toEqual([]);
	});

	it('a name that fits nobody of the application: a warning on the entry\'s own line, not on the follow_ups line', () => {
		const note = fm(
			['type: interview', 'company: Acme', 'interview_date: 2026-11-16', 'interviewers: [Jane Doe]', 'follow_ups:', '  - 2026-11-17 contact: Jane', '  - 2026-11-17 thank-you: Bob'],
			'## Gift ideas\n- Bob: chess\n',
		);
		const index = vault({ 'a.md': note });
		const s = schedule(index, '2026-11-18');
		const all = [...index.diagnostics(), ...s.diagnostics];
		expect(all.map((d) => d.line)).toEqual([11, 8]);
		expect(all[0].message).toMatch(/^topic "Bob: chess" names Bob, who is not an interviewer, reference or contact of Acme \(the notes name: Jane Doe\)/);
		expect(all[1].message).toMatch(/^follow-up "2026-11-17 thank-you: Bob" names Bob, who is not/);
	});

	it('a snooze by a short name hides that person\'s action', () => {
		const note = fm(['type: interview', 'company: Acme', 'interview_date: 2026-11-16', 'interviewers: [Tina Eight, Jane Doe]', 'snoozed:', '  - 2026-11-25 thank-you: Tina']);
		const s = schedule(vault({ 'a.md': note }), '2026-11-18');
		expect(s.actions.filter((a) => a.kind === 'thank-you').map((a) => a.person?.name)).toEqual(['Jane Doe']);
		expect(s.snoozed.map((x) => x.action.person?.name)).toEqual(['Tina Eight']);
	});
});

/**
 * End to end through the core: note text -> VaultIndex (parseNote) ->
 * computeSchedule, for the examples of the specs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endOfDay } from '../../../src/core/dates';
import { computeSchedule, selectWithin, type Schedule } from '../../../src/core/rules';
import { DEFAULT_SETTINGS, type Action, type Settings } from '../../../src/core/types';
import { VaultIndex } from '../../../src/core/vaultIndex';
import { SPEC_EXAMPLE_NOTE } from '../../fixtures/specExample';

function vault(notes: Record<string, string>): VaultIndex {
	const index = new VaultIndex(DEFAULT_SETTINGS);
	for (const [path, text] of Object.entries(notes)) index.upsert(path, text);
	return index;
}

function schedule(index: VaultIndex, today: string, settings: Partial<Settings> = {}): Schedule {
	return computeSchedule(index, endOfDay(today), { ...DEFAULT_SETTINGS, ...settings });
}

const show = (a: Action): string => `${a.kind} ${a.person?.name ?? '-'} ${a.earliest}..${a.due} ${a.state}`;

/** note-format.md, "An example", verbatim. */
const ACME = SPEC_EXAMPLE_NOTE;

const JANE = `---
title: VP Engineering
email: jane@acme.example
---
Met at Acme Finance.
`;

describe('note-format.md example through the index', () => {
	const index = vault({ 'Interviews/2026-11-16 Acme.md': ACME, 'People/Jane Doe.md': JANE });

	it('gives the schedule of cli.md\'s example (2026-11-21): John Roe\'s thank-you overdue, with his gift', () => {
		const s = schedule(index, '2026-11-21');
		expect(s.today).toBe('2026-11-21');
		expect(s.actions.map(show)).toEqual([
			'reference-alert Ann Smith 2026-11-16..2026-11-17 overdue',
			'thank-you John Roe 2026-11-16..2026-11-18 overdue',
			// keep-looking: one application is active, fewer than 3.
			'keep-looking - 2026-11-21..2026-11-21 due',
			// decision_date 2026-12-04 is on or after D + 7: be patient, the business day after it, due the one after that.
			'status-check Jane Doe 2026-12-07..2026-12-08 upcoming',
		]);
		const john = s.actions.find((a) => a.kind === 'thank-you');
		expect(john).toMatchObject({
			kind: 'thank-you',
			state: 'overdue',
			earliest: '2026-11-16',
			due: '2026-11-18',
			company: 'Acme Finance',
			role: 'Secretary',
			note: 'Interviews/2026-11-16 Acme.md',
			person: { name: 'John Roe', title: 'Office Manager', email: 'john.roe@acme.example', phone: null },
			gifts: ['moving the office to a paperless workflow'],
		});
		const check = s.actions.find((a) => a.kind === 'status-check');
		expect(check?.person).toEqual({ name: 'Jane Doe', title: 'VP Engineering', email: 'jane@acme.example', phone: null });
		expect(check?.gifts).toEqual(['training for the Boston marathon']);
		expect(s.diagnostics).toEqual([]);
	});

	it('the within window of `due` (default 7) leaves out the status check of 2026-12-07', () => {
		const s = schedule(index, '2026-11-21');
		expect(selectWithin(s.actions, s.today, 7).map((a) => a.kind)).toEqual(['reference-alert', 'thank-you', 'keep-looking']);
	});

	it('ids are the same when the index is rebuilt, and when an unrelated note is added', () => {
		const before = schedule(index, '2026-11-21').actions.map((a) => a.id);
		const again = vault({ 'Interviews/2026-11-16 Acme.md': ACME, 'People/Jane Doe.md': JANE, 'Other.md': '# unrelated\n' });
		expect(schedule(again, '2026-11-21').actions.map((a) => a.id)).toEqual(before);
	});
});

describe('notes to schedule', () => {
	it('"Application: the interview notes sharing company and role (compared ignoring case and spacing)"', () => {
		const index = vault({
			'a.md': '---\ntype: interview\ncompany: Acme  Finance\nrole: Secretary\ninterview_date: 2026-11-09\ninterviewers: ["John Roe, Office Manager"]\n---\n',
			'b.md': '---\ntype: interview\ncompany: acme finance\nrole: " secretary"\ninterview_date: 2026-11-16\ninterviewers: ["Jane Doe, VP"]\nfollow_ups:\n  - 2026-11-10 thank-you: John Roe\n---\n',
		});
		const s = schedule(index, '2026-11-16');
		expect(s.summary.active).toHaveLength(1);
		// The entry in b.md completes a.md's thank-you ("in any note of the application").
		expect(s.actions.filter((a) => a.kind === 'thank-you').map(show)).toEqual(['thank-you Jane Doe 2026-11-16..2026-11-18 due']);
	});

	it('a done task in the body\'s Follow-ups section counts as a log entry', () => {
		const index = vault({
			'acme.md': '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\ninterviewers: ["Jane Doe (VP)", "John Roe (CTO)"]\n---\n## Follow-ups\n- [x] thank-you: Jane Doe ✅ 2026-11-17\n- [ ] thank-you: John Roe\n',
		});
		expect(schedule(index, '2026-11-17').actions.filter((a) => a.kind === 'thank-you').map(show)).toEqual([
			'thank-you John Roe 2026-11-16..2026-11-18 due',
		]);
	});

	it('a `snoozed` frontmatter entry hides the action until its date, then it comes back with its due', () => {
		const index = vault({
			'acme.md': '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\ninterviewers: ["Jane Doe (VP)"]\nsnoozed:\n  - "2026-11-25 thank-you: Jane Doe"\n---\n',
		});
		expect(schedule(index, '2026-11-24').actions.filter((a) => a.kind === 'thank-you')).toEqual([]);
		expect(schedule(index, '2026-11-25').actions.filter((a) => a.kind === 'thank-you').map(show)).toEqual([
			'thank-you Jane Doe 2026-11-16..2026-11-18 overdue',
		]);
	});

	it('a rejection without a `rejected` entry: a referral request from the latest interview and a warning on the note', () => {
		const index = vault({
			'Interviews/acme.md': '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\ninterviewers: ["Jane Doe (VP)"]\nstatus: rejected\n---\n',
		});
		const s = schedule(index, '2026-11-17');
		expect(s.actions.filter((a) => a.kind === 'referral-request').map(show)).toEqual(['referral-request Jane Doe 2026-11-16..2026-11-18 due']);
		expect(s.diagnostics.map((d) => [d.note, d.severity])).toEqual([['Interviews/acme.md', 'warning']]);
	});

	it('"names one without a title": a title from the linked person note counts', () => {
		const note = '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\ninterviewers: ["[[Jane Doe]]"]\ndecision_date: 2026-11-20\n---\n';
		const collect = (index: VaultIndex): string[] => schedule(index, '2026-11-16').actions.filter((a) => a.kind === 'collect-names').map(show);
		expect(collect(vault({ 'acme.md': note }))).toEqual(['collect-names - 2026-11-16..2026-11-17 due']);
		expect(collect(vault({ 'acme.md': note, 'People/Jane Doe.md': JANE }))).toEqual([]);
		// The same, incrementally: the person note appears after the interview note.
		const index = vault({ 'acme.md': note });
		expect(collect(index)).toHaveLength(1);
		index.upsert('People/Jane Doe.md', JANE);
		expect(collect(index)).toEqual([]);
	});

	it('a datetime with an offset keeps its written date, in any machine time zone', () => {
		const index = vault({
			'acme.md': '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16T23:30-08:00\ninterviewers: ["Jane Doe (VP)"]\n---\n',
		});
		expect(schedule(index, '2026-11-16').actions.filter((a) => a.kind === 'thank-you').map(show)).toEqual([
			'thank-you Jane Doe 2026-11-16..2026-11-18 due',
		]);
	});
});

describe('docs/note-format.md', () => {
	it('"A complete example" gives the schedule the page describes', () => {
		const page = readFileSync(new URL('../../../docs/note-format.md', import.meta.url), 'utf8');
		const example = /## A complete example\s+```markdown\n([\s\S]*?)```/.exec(page)?.[1];
		expect(example).toBeDefined();
		const index = vault({ 'Interviews/2026-11-16 Acme.md': example ?? '', 'People/Jane Doe.md': JANE });
		const s = schedule(index, '2026-11-21');
		expect(s.actions.map(show)).toEqual([
			'reference-alert Ann Smith 2026-11-16..2026-11-17 overdue',
			'keep-looking - 2026-11-21..2026-11-21 due',
			'status-check Jane Doe 2026-12-07..2026-12-08 upcoming',
		]);
		expect(schedule(index, '2026-11-19').actions.map((a) => a.kind)).not.toContain('reference-alert');
		expect(s.diagnostics).toEqual([]);
		expect(index.diagnostics()).toEqual([]);
	});
});

describe('v2 "Status date" through the index: the note\'s modification time', () => {
	const note = '---\ntype: interview\ncompany: Acme\nrole: Clerk\ninterview_date: 2026-11-16\ninterviewers: ["Ann Lee, Manager <ann@acme.example>"]\nstatus: rejected\n---\n';
	// Noon on the local clock, so the day is the same in every time zone the suite runs in.
	const at = (y: number, m: number, d: number): number => new Date(y, m - 1, d, 12, 0, 0).getTime();
	const referral = (index: VaultIndex, today: string): string[] =>
		schedule(index, today).actions.filter((a) => a.kind === 'referral-request').map((a) => `${a.earliest}..${a.due}`);

	it('"the day the note that sets the status key was last modified": a rejection recorded on Friday 20 Nov is owed from then', () => {
		const index = new VaultIndex({ interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
		index.upsert('acme.md', note, at(2026, 11, 20));
		// Friday + 2 business days: Tuesday 24 Nov (not four days overdue at once, as v1 had it).
		expect(referral(index, '2026-11-23')).toEqual(['2026-11-20..2026-11-24']);
		expect(schedule(index, '2026-11-23').diagnostics[0]?.message).toContain('counts from 2026-11-20');
	});

	it('"clamped to no earlier than the latest interview that has happened and no later than today"', () => {
		const index = new VaultIndex({ interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
		index.upsert('acme.md', note, at(2026, 11, 10));
		expect(referral(index, '2026-11-23')).toEqual(['2026-11-16..2026-11-18']);
		index.upsert('acme.md', note, at(2026, 12, 30));
		expect(referral(index, '2026-11-23')).toEqual(['2026-11-23..2026-11-25']);
	});

	it('a dated log event wins over the modification time', () => {
		const index = new VaultIndex({ interviewType: 'interview', interviewTag: 'interview', interviewFolders: [] });
		index.upsert('acme.md', note.replace('---\n', '---\nfollow_ups: ["2026-11-18 rejected"]\n').replace(/^---\nfollow_ups/, '---\nfollow_ups'), at(2026, 11, 20));
		expect(referral(index, '2026-11-23')).toEqual(['2026-11-18..2026-11-20']);
		expect(schedule(index, '2026-11-23').diagnostics).toEqual([]);
	});
});

/**
 * The pipeline's figures (src/core/figures.ts), against numbers worked out
 * by hand from the notes: the example vault, and a fixture vault with every
 * stage, a broken promise, a silent application and a reference alerted for
 * two applications (test/fixtures/pipeline-vault).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endOfDay } from '../../src/core/dates';
import { computeFigures, referenceFigures, weekStart, type ApplicationFigures, type Figures, type ReferenceFigures } from '../../src/core/figures';
import { computeSchedule } from '../../src/core/rules';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { VaultIndex } from '../../src/core/vaultIndex';

const ROOT = resolve(__dirname, '../..');
export const PIPELINE_VAULT = join(ROOT, 'test', 'fixtures', 'pipeline-vault');

function notesUnder(dir: string, root = dir): [string, string][] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e): [string, string][] => {
		if (e.name.startsWith('.')) return [];
		const abs = join(dir, e.name);
		if (e.isDirectory()) return notesUnder(abs, root);
		return e.name.endsWith('.md') ? [[relative(root, abs).split('\\').join('/'), readFileSync(abs, 'utf8')]] : [];
	});
}

/** The figures, with the references' alerts (as `report` gives both). */
function figuresOf(dir: string, today: string): Figures & { references: ReferenceFigures[] } {
	const index = new VaultIndex(DEFAULT_SETTINGS);
	for (const [path, text] of notesUnder(dir)) index.upsert(path, text);
	const schedule = computeSchedule(index, endOfDay(today), DEFAULT_SETTINGS);
	return { ...computeFigures(schedule), references: referenceFigures(index, schedule) };
}

function byCompany(f: Figures, company: string): ApplicationFigures {
	const a = f.applications.find((x) => x.company === company);
	if (a === undefined) throw new Error(`no application of ${company}`);
	return a;
}

describe('figures of the fixture vault, 2026-12-01', () => {
	const f = figuresOf(PIPELINE_VAULT, '2026-12-01');

	it('lists every application grouped by stage, then by company', () => {
		expect(f.applications.map((a) => `${a.stage} ${a.company}`)).toEqual([
			'interviewing Alpha Corp',
			'interviewing Eta',
			'interviewing Silent Co',
			'offer Beta Ltd',
			'hired Gamma',
			'rejected Delta',
			'withdrawn Epsilon',
			'closed Zeta',
		]);
	});

	it('counts two rounds, a reply and the checks since it for Alpha Corp', () => {
		expect(byCompany(f, 'Alpha Corp')).toEqual({
			application: 'alpha corp|analyst',
			company: 'Alpha Corp',
			role: 'Analyst',
			note: 'Interviews/2026-11-09 Alpha.md',
			stage: 'interviewing',
			active: true,
			firstInterview: '2026-11-02',
			latestInterview: '2026-11-09',
			rounds: 2,
			decisionDate: '2026-11-25',
			decidedOn: null,
			daysToDecision: null,
			decisionDateKept: null,
			// Two thank-yous (due 11-04 and 11-11), a reference alert (due 11-03), a check (due 11-22 after the reply of 11-12).
			followUps: 4,
			onTime: 4,
			replies: 1,
			lastContact: '2026-11-20',
			silentChecks: 1,
			// B = 11-20: 11-27 to 11-30.
			// Gamma was hired on 2026-11-25: v2 withdraw from every other application, and nothing else is asked of them.
			nextAction: { kind: 'withdraw', earliest: '2026-11-25', due: '2026-11-27' },
			daysWaiting: 11,
		});
	});

	it('marks the broken promise: an offer on 11-20 after a decision date of 11-14', () => {
		expect(byCompany(f, 'Beta Ltd')).toMatchObject({
			stage: 'offer',
			active: false,
			decisionDate: '2026-11-14',
			decidedOn: '2026-11-20',
			daysToDecision: 17,
			decisionDateKept: false,
			daysWaiting: null,
		});
	});

	it('keeps the promise of the hire: three rounds, decided 11-25, before 11-30', () => {
		expect(byCompany(f, 'Gamma')).toMatchObject({
			rounds: 3,
			firstInterview: '2026-11-04',
			latestInterview: '2026-11-18',
			decidedOn: '2026-11-25',
			daysToDecision: 21,
			decisionDateKept: true,
			followUps: 3,
			onTime: 3,
		});
	});

	it('counts a thank-you after its due date as late, and dates the rejection from the log', () => {
		expect(byCompany(f, 'Delta')).toMatchObject({
			followUps: 1,
			onTime: 0,
			decidedOn: '2026-11-12',
			daysToDecision: 7,
			decisionDateKept: null,
			lastContact: '2026-11-10',
			// v2: after Gamma's hire, no referral request (only thank-you, collect-names and withdraw; Delta is terminal).
			nextAction: null,
		});
		expect(byCompany(f, 'Epsilon')).toMatchObject({ decidedOn: '2026-11-16', daysToDecision: 10 });
		// `closed` is not a decision.
		expect(byCompany(f, 'Zeta')).toMatchObject({ stage: 'closed', decidedOn: null, daysToDecision: null });
	});

	it('sees the silent application: three checks and no reply', () => {
		expect(byCompany(f, 'Silent Co')).toMatchObject({
			followUps: 6,
			onTime: 6,
			replies: 0,
			silentChecks: 3,
			lastContact: '2026-11-26',
			daysWaiting: 5,
		});
	});

	it('gives nulls where an interview has not happened yet', () => {
		expect(byCompany(f, 'Eta')).toMatchObject({
			rounds: 0,
			firstInterview: null,
			latestInterview: null,
			lastContact: null,
			nextAction: { kind: 'withdraw', earliest: '2026-11-25', due: '2026-11-27' },
			daysWaiting: null,
		});
	});

	it('totals the pipeline', () => {
		expect(f.totals).toEqual({
			applications: 8,
			active: 3,
			byStage: { interviewing: 3, offer: 1, hired: 1, rejected: 1, withdrawn: 1, closed: 1 },
			interviews: 10,
			// Alpha (a reply), Beta, Gamma, Delta, Epsilon (decisions) of the 7 interviewed.
			replyRate: 5 / 7,
			// 7, 10, 17, 21.
			medianDaysToDecision: 13.5,
			decisionDatesKept: 0.5,
			onTimeRate: 16 / 17,
		});
	});

	it('counts the alerts of a reference named by two applications', () => {
		expect(f.references).toEqual([
			{
				person: 'rita ref',
				name: 'Rita Ref',
				alerts: 2,
				applications: [
					{ application: 'alpha corp|analyst', company: 'Alpha Corp', role: 'Analyst', alerts: 1 },
					{ application: 'silent co|clerk', company: 'Silent Co', role: 'Clerk', alerts: 1 },
				],
			},
		]);
	});

	it('draws the funnel and the weeks', () => {
		expect(f.funnel).toEqual({ interviewed: 7, furtherRounds: 2, offers: 2, hired: 1 });
		expect(f.weeks).toEqual([
			{ start: '2026-11-02', interviews: 7, decisions: 0 },
			{ start: '2026-11-09', interviews: 2, decisions: 1 },
			{ start: '2026-11-16', interviews: 1, decisions: 2 },
			{ start: '2026-11-23', interviews: 0, decisions: 1 },
		]);
	});
});

describe('figures of the example vault, 2026-11-21', () => {
	const f = figuresOf(join(ROOT, 'examples', 'vault'), '2026-11-21');

	it('has the hand-computed rows', () => {
		const rows = f.applications.map((a) => [a.company, a.stage, a.rounds, a.followUps, a.onTime, a.lastContact, a.silentChecks, a.decidedOn]);
		expect(rows).toEqual([
			['Acme Finance', 'interviewing', 1, 1, 1, '2026-11-17', 0, null],
			// The interview date does not parse: no round.
			['Cyberdyne Systems', 'interviewing', 0, 0, 0, null, 0, null],
			// The panel on 11-24 has not happened.
			['Globex', 'interviewing', 1, 3, 3, '2026-11-11', 0, null],
			// The ask-timeline of 11-13 was on time, though a decision date ended it.
			['Initech', 'interviewing', 1, 2, 2, '2026-11-13', 0, null],
			['Stark Industries', 'interviewing', 1, 0, 0, null, 0, null],
			['Wayne Enterprises', 'interviewing', 1, 3, 3, '2026-11-19', 1, null],
			['Hooli', 'offer', 1, 1, 1, '2026-11-11', 0, '2026-11-20'],
			['Umbrella Corp', 'rejected', 1, 1, 1, '2026-11-10', 0, '2026-11-19'],
		]);
		expect(byCompany(f, 'Hooli')).toMatchObject({ daysToDecision: 9, decisionDateKept: true });
		expect(byCompany(f, 'Globex').note).toBe('Interviews/2026-11-24 Globex panel.md');
	});

	it('has the hand-computed totals', () => {
		expect(f.totals).toEqual({
			applications: 8,
			active: 6,
			byStage: { interviewing: 6, offer: 1, rejected: 1 },
			interviews: 7,
			// Hooli and Umbrella decided, of the 7 with an interview; nobody replied.
			replyRate: 2 / 7,
			medianDaysToDecision: 9,
			decisionDatesKept: 1,
			onTimeRate: 1,
		});
		expect(f.references.map((r) => [r.name, r.alerts])).toEqual([
			['Ann Smith', 0],
			['Marcus Lee', 1],
		]);
	});
});

describe('rates with nothing to count', () => {
	it('are null, and the lists empty, for an empty vault', () => {
		const index = new VaultIndex(DEFAULT_SETTINGS);
		const now = endOfDay('2026-11-21');
		const schedule = computeSchedule(index, now, DEFAULT_SETTINGS);
		const f = { ...computeFigures(schedule), references: referenceFigures(index, schedule) };
		expect(f.totals).toEqual({
			applications: 0,
			active: 0,
			byStage: {},
			interviews: 0,
			replyRate: null,
			medianDaysToDecision: null,
			decisionDatesKept: null,
			onTimeRate: null,
		});
		expect(f.weeks).toEqual([]);
		expect(f.references).toEqual([]);
	});
});

describe('weekStart', () => {
	it('is the Monday on or before the date', () => {
		expect(weekStart('2026-11-16')).toBe('2026-11-16');
		expect(weekStart('2026-11-22')).toBe('2026-11-16');
		expect(weekStart('2026-11-21')).toBe('2026-11-16');
		expect(weekStart('2027-01-01')).toBe('2026-12-28');
	});
});

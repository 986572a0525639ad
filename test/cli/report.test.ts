/**
 * `report`: the JSON document checked against the example in
 * shared/spec/cli.md (its keys, their order and the types of their values),
 * and the table in an approval file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/core/types';
import { cleanTemps, EXAMPLE_VAULT, ROOT, runCli, tempDir } from './helpers';

afterAll(cleanTemps);

const PIPELINE_VAULT = join(ROOT, 'test', 'fixtures', 'pipeline-vault');
const SPEC = join(ROOT, '..', 'shared', 'spec', 'cli.md');

type Json = Record<string, unknown>;

/** The JSON example under "## `report --json`" in cli.md. */
function specExample(): Json {
	const text = readFileSync(SPEC, 'utf8');
	const section = text.slice(text.indexOf('## `report --json`'));
	const block = /```json\n([\s\S]*?)```/.exec(section);
	if (block === null) throw new Error('cli.md has no JSON example for report --json');
	return JSON.parse(block[1]) as Json;
}

function report(vault: string, ...extra: string[]): { code: number | null; stdout: string; stderr: string } {
	return runCli(['report', vault, ...extra]);
}

/** Every value has the spec's type, or is null where the spec allows a missing value. */
function expectShape(actual: Json, spec: Json, where: string): void {
	expect(Object.keys(actual), where).toEqual(Object.keys(spec));
	for (const [key, example] of Object.entries(spec)) {
		const value = actual[key];
		if (value === null) continue;
		if (example === null) {
			// The spec shows a null: a date, a number or a boolean once known.
			expect(['string', 'number', 'boolean'], `${where}.${key}`).toContain(typeof value);
		} else if (typeof example === 'object' && !Array.isArray(example) && key !== 'by_stage') {
			expectShape(value as Json, example as Json, `${where}.${key}`);
		} else {
			expect(typeof value, `${where}.${key}`).toBe(typeof example);
		}
	}
}

describe.skipIf(!existsSync(SPEC))('report --json against cli.md', () => {
	const spec = specExample();
	const specApp = (spec.applications as Json[])[0];
	const r = report(PIPELINE_VAULT, '--today', '2026-12-01', '--json');
	const doc = JSON.parse(r.stdout) as Json;

	it('runs cleanly', () => {
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
	});

	it("has cli.md's keys in cli.md's order, then the references", () => {
		expect(Object.keys(doc)).toEqual([...Object.keys(spec), 'references']);
		const apps = doc.applications as Json[];
		expect(apps).toHaveLength(8);
		for (const a of apps) expectShape(a, specApp, `application ${String(a.company)}`);
		expectShape(doc.totals as Json, spec.totals as Json, 'totals');
	});

	it('gives the next action as {kind, earliest, due}, and stages and dates in their forms', () => {
		const apps = doc.applications as Json[];
		for (const a of apps) {
			expect(STATUSES).toContain(a.stage);
			for (const k of ['first_interview', 'latest_interview', 'decision_date', 'decided_on', 'last_contact']) {
				if (a[k] !== null) expect(a[k]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			}
		}
		const alpha = apps.find((a) => a.company === 'Alpha Corp');
		// v2: Gamma was hired on 2026-11-25, so withdraw.
		expect(alpha?.next_action).toEqual({ kind: 'withdraw', earliest: '2026-11-25', due: '2026-11-27' });
		expect(apps.find((a) => a.company === 'Beta Ltd')).toMatchObject({ decided_on: '2026-11-20', decision_date_kept: false, days_to_decision: 17 });
	});

	it('rounds the rates to two decimals; by_stage holds the stages that occur', () => {
		expect(doc.totals).toEqual({
			applications: 8,
			active: 3,
			by_stage: { interviewing: 3, offer: 1, hired: 1, rejected: 1, withdrawn: 1, closed: 1 },
			interviews: 10,
			reply_rate: 0.71,
			median_days_to_decision: 13.5,
			decision_dates_kept: 0.5,
			on_time_rate: 0.94,
		});
		expect(doc.references).toEqual([
			{
				name: 'Rita Ref',
				alerts: 2,
				applications: [
					{ company: 'Alpha Corp', role: 'Analyst', alerts: 1 },
					{ company: 'Silent Co', role: 'Clerk', alerts: 1 },
				],
			},
		]);
	});

	it('gives null rates for a vault without applications', () => {
		const empty = tempDir();
		const e = JSON.parse(report(empty, '--today', '2026-12-01', '--json').stdout) as Json;
		expect(e).toEqual({
			today: '2026-12-01',
			applications: [],
			totals: {
				applications: 0,
				active: 0,
				by_stage: {},
				interviews: 0,
				reply_rate: null,
				median_days_to_decision: null,
				decision_dates_kept: null,
				on_time_rate: null,
			},
			references: [],
		});
	});
});

describe('report as text', () => {
	it('prints the table grouped by stage with the totals below (approval file)', async () => {
		const r = report(PIPELINE_VAULT, '--today', '2026-12-01');
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		await expect(r.stdout).toMatchFileSnapshot(join(ROOT, 'test', 'cli', 'approved', 'report-pipeline-vault.txt'));
	});

	it('says where the notes have problems, and runs on the example vault', () => {
		const r = report(EXAMPLE_VAULT, '--today', '2026-11-21');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Interviewing (6)');
		expect(r.stdout).toMatch(/Problems in 1 note; run 'interview-followups check'/);
		// The README's example is this output, with the groups after the first left out at its '...'.
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const example = /\$ interview-followups report examples\/vault --today 2026-11-21\n([\s\S]*?)\n```/.exec(readme)?.[1];
		if (example === undefined) throw new Error('the README has no report example');
		const [head, tail] = example.split('\n...\n');
		expect(r.stdout.startsWith(`${head}\n`)).toBe(true);
		expect(r.stdout.endsWith(`${tail}\n`)).toBe(true);
	});

	it('reads the notes under --folder as interview notes', () => {
		const vault = tempDir();
		mkdirSync(join(vault, 'Jobs'));
		writeFileSync(join(vault, 'Jobs', 'a.md'), '---\ncompany: Folder Co\nrole: Clerk\ninterview_date: 2026-11-02\n---\n');
		expect(report(vault, '--today', '2026-12-01').stdout).toContain('No applications yet');
		const r = report(vault, '--today', '2026-12-01', '--folder', 'Jobs', '--json');
		expect((JSON.parse(r.stdout) as { applications: Json[] }).applications.map((a) => a.company)).toEqual(['Folder Co']);
	});

	it('leaves out the notes under --exclude', () => {
		const r = report(PIPELINE_VAULT, '--today', '2026-12-01', '--exclude', 'Interviews', '--json');
		expect(r.code).toBe(0);
		expect((JSON.parse(r.stdout) as { applications: Json[] }).applications).toEqual([]);
	});

	it('refuses a bad date and an unknown option with exit 2 and one line', () => {
		const bad = report(PIPELINE_VAULT, '--today', '2026-13-01');
		expect(bad.code).toBe(2);
		expect(bad.stderr).toMatch(/^interview-followups: --today '2026-13-01' is not a valid date/);
		const unknown = report(PIPELINE_VAULT, '--within', '3');
		expect(unknown.code).toBe(2);
		expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
	});
});

/**
 * A month of notes as people write them (test/fixtures/realistic/): notes
 * from the Properties panel, hand-typed flow lists, Dataview inline fields,
 * a core Templates folder and a Templater folder with their configurations,
 * typos in keys, a CRLF note, names in other alphabets, an unreadable note.
 * The actions and the diagnostics are written out by hand below, and the
 * core, the command line (dist/cli.cjs) and the plugin (on mocks) each give
 * exactly them.
 */
import './obsidian/setup';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { classifierFor, TEMPLATE_CONFIGS, templatesFolderIn } from '../src/core/classify';
import { endOfDay } from '../src/core/dates';
import { computeSchedule, selectWithin } from '../src/core/rules';
import { DEFAULT_SETTINGS, type Action, type Diagnostic } from '../src/core/types';
import { companiesWithSeveralApplications, VaultIndex } from '../src/core/vaultIndex';
import { requireBuiltCli, ROOT, runCli } from './cli/helpers';
import { loadPlugin } from './obsidian/harness';

const VAULT = join(ROOT, 'test', 'fixtures', 'realistic');
const TODAY = '2026-11-21';

afterEach(() => {
	vi.useRealTimers();
});

function files(dir = VAULT): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [relative(VAULT, join(dir, e.name)).split('\\').join('/')]));
}

const notes = files().filter((p) => p.endsWith('.md') && !p.startsWith('.'));
const text = (p: string): string => readFileSync(join(VAULT, p), 'utf8');

const A_GLOBEX = 'Interviews/Globex.md';
const A_INITECH = 'Interviews/Initech.md';
const ACME_2 = 'Interviews/2026-11-19 Acme round 2.md';

/**
 * By hand, as of Saturday 2026-11-21 (follow-up-rules.md v2):
 * - Acme: "Senior UX Researcher" and "Sr. UX Researcher" are one application.
 *   Tina Eight's and Jane Doe's thank-yous were logged on 17 Nov as "Tina" and
 *   "Jane" in a hand-typed flow list of the CRLF note: done. The timetable is
 *   known (`decision_date:: 2026-12-04` in the body), so no ask-timeline; its
 *   status check comes after the week shown. Round 2 names its interviewer
 *   under `interviewer:` (a typo, warned), so it has nobody: collect names,
 *   due the next day.
 * - Globex: every key but the tags is a Dataview field; the interviewers have
 *   accents; `status:: rejected` is inside a code block and is not read.
 *   Thank-yous to both (two days), the timetable (next day), the contact Zoë's
 *   address (next day), their titles (next day); the reference under
 *   `refrences` is not read (warned), so no heads-up. A status check a week
 *   after, then patience to the 30th.
 * - Initech: `date:` is the interview date; `follow_ups` and `followups` are
 *   one log ("Milton" is Milton Waddams): both thanked. `decision_date` wins
 *   over `decision` (warned); the 13th has passed: a status check, overdue.
 *   Milton has no title: collect names.
 * - Umbrella cannot be read: an error, never silence. The templates (Obsidian's
 *   and Templater's folders) and the daily note's `date::` are no interviews.
 */
const ACTIONS = [
	'collect-names Initech/Tester - 2026-11-10..2026-11-11 overdue Interviews/Initech.md',
	'collect-names Globex/Data Analyst - 2026-11-18..2026-11-19 overdue Interviews/Globex.md',
	'find-contact Globex/Data Analyst Zoë Ångström 2026-11-18..2026-11-19 overdue Interviews/Globex.md',
	'ask-timeline Globex/Data Analyst Zoë Ångström 2026-11-18..2026-11-19 overdue Interviews/Globex.md',
	'status-check Initech/Tester Bill Lumbergh 2026-11-17..2026-11-20 overdue Interviews/Initech.md',
	'thank-you Globex/Data Analyst José Núñez 2026-11-18..2026-11-20 overdue Interviews/Globex.md',
	'thank-you Globex/Data Analyst Zoë Ångström 2026-11-18..2026-11-20 overdue Interviews/Globex.md',
	`collect-names Acme Finance/Senior UX Researcher - 2026-11-19..2026-11-20 overdue ${ACME_2}`,
	'status-check Globex/Data Analyst Zoë Ångström 2026-11-25..2026-11-30 upcoming Interviews/Globex.md',
];

const DIAGNOSTICS = [
	`${ACME_2}:6 warning 'interviewer' is not a key this tool reads; did you mean 'interviewers'?`,
	`${A_GLOBEX}:3 warning 'refrences' is not a key this tool reads; did you mean 'references'?`,
	`${A_INITECH}:14 warning decision: '2026-11-30' is ignored: 'decision_date' says the same and is used (remove one)`,
	`${A_INITECH}:17 warning topic "Bob: his red stapler" names Bob, who is not an interviewer, reference or contact of Initech (the notes name: Bill Lumbergh, Milton Waddams); check the spelling, or add the person to the note`,
	'Interviews/Umbrella.md:4 error The frontmatter is not valid YAML at line 4: Missing closing "quote. Check this line: a value that starts with [ { @ ` * & ! % | > or contains ": " or " #" needs quotes, and list items need "- " at a steady indentation. Obsidian shows no properties for this note until it is fixed.',
	'Interviews/Umbrella.md:4 error this looks like an interview note, but its properties cannot be read (see the problem on this line), so it is left out until that is fixed',
];

/** The gift topics each thank-you carries: "Núñez:" and "Zoë:" name one person of Globex each. */
const GIFTS = { 'José Núñez': ['flamenco guitar'], 'Zoë Ångström': ['the Lisbon marathon'] };

type Shown = Pick<Action, 'kind' | 'company' | 'role' | 'earliest' | 'due' | 'state' | 'note'> & { person?: { name: string } | null; gifts?: readonly string[] };

const showAction = (a: Shown): string => `${a.kind} ${a.company ?? '-'}/${a.role ?? '-'} ${a.person?.name ?? '-'} ${a.earliest}..${a.due} ${a.state} ${a.note ?? '-'}`;
const showDiagnostic = (d: Pick<Diagnostic, 'note' | 'severity' | 'message'> & { line?: number | null }): string => `${d.note}:${d.line ?? '-'} ${d.severity} ${d.message}`;
const sorted = (list: string[]): string[] => [...list].sort();
const gifts = (actions: readonly Shown[]): Record<string, readonly string[]> =>
	Object.fromEntries(actions.filter((a) => a.kind === 'thank-you').map((a) => [a.person?.name ?? '-', a.gifts ?? []]));

/** The fixture's configuration folder (Obsidian's default name), as the command line finds it. */
const CONFIG_DIR = readdirSync(VAULT).find((n) => n.startsWith('.')) ?? '';
/** Its files, by path inside it. */
const CONFIGS: Record<string, string> = Object.fromEntries(
	files()
		.filter((p) => p.startsWith(`${CONFIG_DIR}/`))
		.map((p) => [p.slice(CONFIG_DIR.length + 1), text(`${CONFIG_DIR}/${p.slice(CONFIG_DIR.length + 1)}`)]),
);

describe('notes as people write them: core, command line and plugin give the actions and diagnostics written by hand', () => {
	it('the fixture is what it says: a CRLF note, the two template configurations', () => {
		expect(text(ACME_2)).toContain('\r\n');
		expect(Object.keys(CONFIGS)).toEqual(expect.arrayContaining(['app.json', 'templates.json', 'plugins/templater-obsidian/data.json']));
	});

	it('the core', () => {
		const folders = TEMPLATE_CONFIGS.map((c) => templatesFolderIn(CONFIGS[c.file] ?? '', c.key)).filter((f): f is string => f !== null);
		expect(folders).toEqual(['Templates', 'Meta/Templater']);
		const index = new VaultIndex(classifierFor(DEFAULT_SETTINGS, folders));
		for (const p of notes) index.upsert(p, text(p), statSync(join(VAULT, p)).mtimeMs);
		const s = computeSchedule(index, endOfDay(TODAY), DEFAULT_SETTINGS);
		const actions = selectWithin(s.actions, TODAY, DEFAULT_SETTINGS.withinDays);
		expect(actions.map(showAction)).toEqual(ACTIONS);
		expect(gifts(actions)).toEqual(GIFTS);
		const diagnostics = [...index.diagnostics(), ...s.diagnostics, ...companiesWithSeveralApplications(s.summary.active)];
		expect(sorted(diagnostics.map(showDiagnostic))).toEqual(sorted(DIAGNOSTICS));
		expect(index.applications().map((a) => `${a.company}/${a.role ?? '-'}: ${a.interviews.length}`)).toEqual(['Acme Finance/Senior UX Researcher: 2', 'Globex/Data Analyst: 1', 'Initech/Tester: 1']);
		expect(index.person('tina eight')).toMatchObject({ title: 'Design Lead', topics: ['sailing'] });
	});

	it('the command line (due --json, check)', () => {
		requireBuiltCli();
		const due = runCli(['due', VAULT, '--today', TODAY, '--json']);
		expect(due.code).toBe(0);
		const out = JSON.parse(due.stdout) as { actions: Shown[]; diagnostics: Array<Pick<Diagnostic, 'note' | 'severity' | 'message'> & { line: number | null }> };
		expect(out.actions.map(showAction)).toEqual(ACTIONS);
		expect(gifts(out.actions)).toEqual(GIFTS);
		expect(sorted(out.diagnostics.map(showDiagnostic))).toEqual(sorted(DIAGNOSTICS));
		const check = runCli(['check', VAULT, '--today', TODAY]);
		// Umbrella's errors make check fail.
		expect(check.code).toBe(1);
		expect(check.stdout).toContain(`${ACME_2}:6: warning: 'interviewer' is not a key this tool reads; did you mean 'interviewers'?`);
	});

	it('the plugin on mocks (the configurations read through the vault adapter)', async () => {
		// The mocks' metadata cache throws on Umbrella's YAML (Obsidian shows no properties), so it is left out here:
		// the plugin's report of an unreadable interview note is not covered by this test.
		const UNREADABLE = 'Interviews/Umbrella.md';
		const t = await loadPlugin(Object.fromEntries(notes.filter((p) => p !== UNREADABLE).map((p) => [p, text(p)])), { today: TODAY, layoutReady: false });
		for (const [p, json] of Object.entries(CONFIGS)) await t.app.vault.adapter.write(`${t.app.vault.configDir}/${p}`, json);
		t.app.workspace.setLayoutReady__();
		await t.plugin.started;
		await t.settle();
		const schedule = t.plugin.indexer.schedule;
		if (schedule === null) throw new Error('no schedule');
		const actions = selectWithin(schedule.actions, TODAY, DEFAULT_SETTINGS.withinDays);
		expect(actions.map(showAction)).toEqual(ACTIONS);
		expect(gifts(actions)).toEqual(GIFTS);
		expect(sorted(t.plugin.indexer.diagnostics().map(showDiagnostic))).toEqual(sorted(DIAGNOSTICS.filter((d) => !d.startsWith(`${UNREADABLE}:`))));
	});
});

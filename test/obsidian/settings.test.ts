import './setup';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { checkCadence, checkFolders, checkHolidays, checkWorkWeek, validateSettings } from '../../src/core/settings';
import type { FollowUpsSettingTab } from '../../src/obsidian/settingsTab';
import { VAULT } from './fixtures';
import { loadPlugin, type Loaded } from './harness';

afterEach(() => {
	vi.useRealTimers();
	vi.restoreAllMocks();
});

function tabOf(t: Loaded): FollowUpsSettingTab {
	const tab = t.mock.settingTabs__[0] as unknown as FollowUpsSettingTab;
	tab.display();
	return tab;
}

/** Fills the holiday fields with these dates, one per field, adding fields with the Add holiday button. */
function setHolidays(tab: FollowUpsSettingTab, ...dates: string[]): void {
	const fields = tab.lists.get('holidays') ?? [];
	for (const [i, date] of dates.entries()) {
		if (fields.length <= i) click(tab.buttons.get('holidays'));
		fields[i].setValue(date);
	}
}

/** The mocks leave buttons inert; their components keep the handler. */
function click(button: unknown): void {
	if (!button) throw new Error('no such button');
	(button as { simulateClick__(): void }).simulateClick__();
}

function type(tab: FollowUpsSettingTab, key: Parameters<FollowUpsSettingTab['inputs']['get']>[0], value: string): void {
	const input = tab.inputs.get(key);
	if (!input) throw new Error(`no input ${key}`);
	input.setValue(value); // the mock's setValue calls onChange, as typing does
}

describe('settings', () => {
	it('are saved in data.json with the keys of Settings, and read back', async () => {
		const t = await loadPlugin(VAULT);
		expect(t.plugin.settings).toEqual(DEFAULT_SETTINGS);
		const tab = tabOf(t);
		setHolidays(tab, '2026-12-25', '2026-11-26');
		tab.toggles.get('workWeek.Friday')?.setValue(false);
		type(tab, 'cadenceMin', '5');
		type(tab, 'userName', 'Sam Seeker');
		await vi.waitFor(() => expect((t.mock.data__ as Record<string, unknown>)['userName']).toBe('Sam Seeker'));
		const data = t.mock.data__ as Record<string, unknown>;
		// And the day of the daily notification, which the start (at 12:00, after 09:00) showed.
		expect(Object.keys(data).sort()).toEqual([...Object.keys(DEFAULT_SETTINGS), 'userName', 'lastNotified'].sort());
		expect(data['lastNotified']).toBe('2026-11-21');
		expect(data['holidays']).toEqual(['2026-11-26', '2026-12-25']);
		expect(data['workWeek']).toEqual([1, 2, 3, 4]);
		expect(data['cadenceMin']).toBe(5);
		// A second start reads the same values.
		const again = await loadPlugin(VAULT, { data: structuredClone(data) });
		expect(again.plugin.settings).toEqual(t.plugin.settings);
		expect(again.plugin.settingsProblems).toEqual([]);
	});

	it('a bad holiday is shown under the field and not saved', async () => {
		const t = await loadPlugin(VAULT, { data: { holidays: ['2026-12-25'] } });
		const tab = tabOf(t);
		const save = vi.spyOn(t.plugin, 'saveData');
		click(tab.buttons.get('holidays'));
		tab.lists.get('holidays')?.[1].setValue('2026-13-45');
		expect(tab.errors.get('holidays')?.textContent).toMatch(/'2026-13-45' is not a real calendar date/);
		expect(save).not.toHaveBeenCalled();
		expect(t.plugin.settings.holidays).toEqual(['2026-12-25']);
		setHolidays(tab, '2026-12-25', '2026-12-24');
		expect(tab.errors.get('holidays')?.textContent).toBe('');
		expect(t.plugin.settings.holidays).toEqual(['2026-12-24', '2026-12-25']);
	});

	it('refuses a cadence maximum below the minimum, and a count that is not a number', async () => {
		const t = await loadPlugin(VAULT);
		const tab = tabOf(t);
		type(tab, 'cadenceMax', '3');
		expect(tab.errors.get('cadenceMax')?.textContent).toMatch(/"at most" \(3 days\) is below/);
		expect(t.plugin.settings.cadenceMax).toBe(10);
		type(tab, 'thankYouBusinessDays', 'two');
		expect(tab.errors.get('thankYouBusinessDays')?.textContent).toMatch(/not a whole number/);
		expect(t.plugin.settings.thankYouBusinessDays).toBe(2);
	});

	it('the cadence is checked as a pair: "at least" 12 refused under "at most" 10 is saved once "at most" says 14', async () => {
		const t = await loadPlugin(VAULT);
		const tab = tabOf(t);
		type(tab, 'cadenceMin', '12');
		expect(tab.errors.get('cadenceMin')?.textContent).toMatch(/"at most" \(10 days\) is below "at least" \(12 days\)/);
		expect(t.plugin.settings.cadenceMin).toBe(7);
		type(tab, 'cadenceMax', '14');
		expect(tab.errors.get('cadenceMin')?.textContent).toBe('');
		expect(tab.errors.get('cadenceMax')?.textContent).toBe('');
		expect([t.plugin.settings.cadenceMin, t.plugin.settings.cadenceMax]).toEqual([12, 14]);
		await vi.waitFor(() => expect((t.mock.data__ as Record<string, unknown>)['cadenceMax']).toBe(14));
		expect((t.mock.data__ as Record<string, unknown>)['cadenceMin']).toBe(12);
		// The other way round: "at most" 3 refused, then "at least" 2 saves both.
		type(tab, 'cadenceMax', '3');
		expect(tab.errors.get('cadenceMax')?.textContent).toMatch(/below/);
		expect(t.plugin.settings.cadenceMax).toBe(14);
		type(tab, 'cadenceMin', '2');
		expect(tab.errors.get('cadenceMax')?.textContent).toBe('');
		expect([t.plugin.settings.cadenceMin, t.plugin.settings.cadenceMax]).toEqual([2, 3]);
		// A typo in one field leaves it out of the pair: the saved value stands in.
		type(tab, 'cadenceMax', 'x');
		type(tab, 'cadenceMin', '5');
		expect(tab.errors.get('cadenceMin')?.textContent).toMatch(/"at most" \(3 days\) is below "at least" \(5 days\)/);
		expect(tab.errors.get('cadenceMax')?.textContent).toMatch(/not a whole number/);
	});

	it('work days are switches; the last one cannot be switched off', async () => {
		const t = await loadPlugin(VAULT);
		const tab = tabOf(t);
		const names = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
		expect(names.map((n) => tab.toggles.get(`workWeek.${n}`)?.getValue())).toEqual([true, true, true, true, true, false, false]);
		tab.toggles.get('workWeek.Saturday')?.setValue(true);
		expect(t.plugin.settings.workWeek).toEqual([1, 2, 3, 4, 5, 6]);
		for (const n of names.slice(0, 5)) tab.toggles.get(`workWeek.${n}`)?.setValue(false);
		expect(t.plugin.settings.workWeek).toEqual([6]);
		tab.toggles.get('workWeek.Saturday')?.setValue(false);
		expect(t.plugin.settings.workWeek).toEqual([6]);
		expect(tab.toggles.get('workWeek.Saturday')?.getValue()).toBe(true);
		expect(tab.errors.get('workWeek')?.textContent).toBe('keep at least one work day');
		await vi.waitFor(() => expect((t.mock.data__ as Record<string, unknown>)['workWeek']).toEqual([6]));
	});

	it('the v2 schedule settings: back-off, patience, the other deadlines, bounded by the core validator', async () => {
		const t = await loadPlugin(VAULT);
		const tab = tabOf(t);
		expect(['backoffAfter', 'patienceMax', 'referenceAlertBusinessDays', 'askTimelineBusinessDays', 'referralBusinessDays'].map((k) => tab.inputs.get(k as 'backoffAfter')?.getValue())).toEqual(['3', '21', '1', '1', '2']);
		type(tab, 'backoffAfter', '0');
		expect(tab.errors.get('backoffAfter')?.textContent).toBe('0 is not between 1 and 100');
		type(tab, 'backoffAfter', '5');
		type(tab, 'patienceMax', '30');
		expect(t.plugin.settings).toMatchObject({ backoffAfter: 5, patienceMax: 30 });
		await vi.waitFor(() => expect((t.mock.data__ as Record<string, unknown>)['patienceMax']).toBe(30));
		expect(validateSettings(t.mock.data__).settings).toEqual(t.plugin.settings);
	});

	it('a switch per kind of follow-up: off leaves the kind out of the list, on brings it back', async () => {
		const t = await loadPlugin(VAULT);
		const tab = tabOf(t);
		const kinds = () => new Set(t.plugin.indexer.schedule?.actions.map((a) => a.kind));
		expect(kinds().has('thank-you')).toBe(true);
		tab.toggles.get('kinds.thank-you')?.setValue(false);
		await vi.waitFor(() => expect(kinds().has('thank-you')).toBe(false));
		await vi.waitFor(() => expect((t.mock.data__ as Record<string, unknown>)['kinds']).toEqual({ 'thank-you': false }));
		tab.toggles.get('kinds.thank-you')?.setValue(true);
		await vi.waitFor(() => expect(kinds().has('thank-you')).toBe(true));
		await vi.waitFor(() => expect((t.mock.data__ as Record<string, unknown>)['kinds']).toEqual({}));
	});

	it('the template settings: sign-off and family name first', async () => {
		const t = await loadPlugin(VAULT);
		const tab = tabOf(t);
		type(tab, 'signOff', 'x'.repeat(61));
		expect(tab.errors.get('signOff')?.textContent).toBe('the sign-off must be at most 60 characters (write e.g. Best,)');
		type(tab, 'signOff', ' Best, ');
		tab.toggles.get('familyNameFirst')?.setValue(true);
		await vi.waitFor(() => expect((t.mock.data__ as Record<string, unknown>)['familyNameFirst']).toBe(true));
		expect((t.mock.data__ as Record<string, unknown>)['signOff']).toBe('Best,');
		expect(tabOf(t).inputs.get('signOff')?.getValue()).toBe('Best,');
	});

	it('settings changed outside the app (the command line, a sync) are read again and shown in an open tab', async () => {
		const t = await loadPlugin(VAULT);
		const tab = tabOf(t);
		document.body.appendChild(tab.containerEl); // on screen, as in the settings window
		const ask = () => t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'ask-timeline');
		expect(ask()?.due).toBe('2026-11-23');
		t.mock.data__ = { ...(t.mock.data__ as object), holidays: ['2026-11-23'], cadenceMin: 8 };
		await t.plugin.onExternalSettingsChange();
		expect(t.plugin.settings.holidays).toEqual(['2026-11-23']);
		await vi.waitFor(() => expect(ask()?.due).toBe('2026-11-24'));
		expect(tab.inputs.get('cadenceMin')?.getValue()).toBe('8');
		expect(tab.lists.get('holidays')?.map((f) => f.getValue())).toEqual(['2026-11-23']);
		tab.containerEl.remove();
	});

	it('garbage in data.json falls back to defaults, is listed in the tab, and unknown keys are kept', async () => {
		const t = await loadPlugin(VAULT, { data: { cadenceMin: -3, holidays: ['someday'], workWeek: 'weekdays', cliOnly: { x: 1 } } });
		expect(t.plugin.settings.cadenceMin).toBe(7);
		expect(t.plugin.settings.holidays).toEqual([]);
		expect(t.plugin.settingsProblems).toHaveLength(3);
		const tab = tabOf(t);
		expect(tab.containerEl.querySelector('.ifu-settings-problems')?.textContent).toMatch(/cadenceMin/);
		await t.plugin.saveSettings();
		expect((t.mock.data__ as Record<string, unknown>)['cliOnly']).toEqual({ x: 1 });
	});

	it('a holiday moves business-day deadlines at once', async () => {
		const t = await loadPlugin(VAULT);
		const ask = () => t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'ask-timeline');
		expect(ask()?.due).toBe('2026-11-23');
		setHolidays(tabOf(t), '2026-11-23');
		await vi.waitFor(() => expect(ask()?.due).toBe('2026-11-24'));
	});

	it('what marks an interview note: a new folder rebuilds the index', async () => {
		const t = await loadPlugin(VAULT);
		expect(t.plugin.indexer.index.note('Notes/random.md')).toBeUndefined();
		const tab = tabOf(t);
		click(tab.buttons.get('interviewFolders'));
		tab.lists.get('interviewFolders')?.[0].setValue('Notes');
		await vi.waitFor(() => expect(t.plugin.indexer.index.note('Notes/random.md')?.isInterview).toBe(true), { timeout: 5000 });
	});

	it('the start-up notice can be turned off', async () => {
		const t = await loadPlugin(VAULT);
		const tab = tabOf(t);
		tab.toggles.get('notifyOnStartup')?.setValue(false);
		await vi.waitFor(() => expect((t.mock.data__ as Record<string, unknown>)['notifyOnStartup']).toBe(false));
		expect(t.plugin.settings.notifyOnStartup).toBe(false);
	});
});

describe('setting parsers', () => {
	it('holidays: every date must be real; duplicates and order do not matter', () => {
		expect(checkHolidays(['2026-12-25', '2026-01-01', '', '2026-12-25'])).toEqual({ ok: true, value: ['2026-01-01', '2026-12-25'] });
		expect(checkHolidays([])).toEqual({ ok: true, value: [] });
		expect(checkHolidays(['2026-02-30']).ok).toBe(false);
	});

	it('a work week keeps at least one day', () => {
		expect(checkWorkWeek([5, 1, 3, 1])).toEqual({ ok: true, value: [1, 3, 5] });
		expect(checkWorkWeek([0, 6])).toEqual({ ok: true, value: [0, 6] });
		expect(checkWorkWeek([])).toEqual({ ok: false, message: 'keep at least one work day' });
	});

	it('the cadence is a pair: at most is not below at least', () => {
		expect(checkCadence(12, 14)).toEqual({ ok: true, value: { cadenceMin: 12, cadenceMax: 14 } });
		expect(checkCadence(10, 10).ok).toBe(true);
		expect(checkCadence(12, 10)).toEqual({ ok: false, message: '"at most" (10 days) is below "at least" (12 days); raise "at most" or lower "at least"' });
	});

	it('folders: one per entry, trimmed, slashes normalised, no way out of the vault; a name may hold commas', () => {
		expect(checkFolders(['/Interviews/', 'Jobs\\2026', 'Jobs/2026', '', 'Jobs, 2026'])).toEqual({ ok: true, value: ['Interviews', 'Jobs/2026', 'Jobs, 2026'] });
		expect(checkFolders(['../outside']).ok).toBe(false);
		// data.json goes through the same check: a folder with a comma stays one folder.
		expect(validateSettings({ interviewFolders: ['Jobs, 2026'] }).settings.interviewFolders).toEqual(['Jobs, 2026']);
	});

	it('validateSettings keeps good values and reports each bad one', () => {
		const r = validateSettings({ interviewTag: '#job-interview', cadenceMin: 9, cadenceMax: 4, minActive: 'three' });
		expect(r.settings.interviewTag).toBe('job-interview');
		expect(r.settings.cadenceMin).toBe(9);
		expect(r.settings.cadenceMax).toBe(9);
		expect(r.problems).toHaveLength(2);
		expect(validateSettings(null).settings).toEqual(DEFAULT_SETTINGS);
		expect(validateSettings([1, 2]).problems).toHaveLength(1);
	});
});

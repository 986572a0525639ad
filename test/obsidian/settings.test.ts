import './setup';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/types';
import { validateSettings, parseFolders, parseHolidays, parseWorkWeek } from '../../src/core/settings';
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
		type(tab, 'holidays', '2026-11-26\n2026-12-25');
		type(tab, 'workWeek', 'Mon, Tue, Wed, Thu');
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
		type(tab, 'holidays', '2026-12-25\n2026-13-45');
		expect(tab.errors.get('holidays')?.textContent).toMatch(/'2026-13-45' is not a real calendar date/);
		expect(save).not.toHaveBeenCalled();
		expect(t.plugin.settings.holidays).toEqual(['2026-12-25']);
		type(tab, 'holidays', '2026-12-25\n2026-12-24');
		expect(tab.errors.get('holidays')?.textContent).toBe('');
		expect(t.plugin.settings.holidays).toEqual(['2026-12-24', '2026-12-25']);
	});

	it('refuses a cadence maximum below the minimum, and a count that is not a number', async () => {
		const t = await loadPlugin(VAULT);
		const tab = tabOf(t);
		type(tab, 'cadenceMax', '3');
		expect(tab.errors.get('cadenceMax')?.textContent).toMatch(/must not be below/);
		expect(t.plugin.settings.cadenceMax).toBe(10);
		type(tab, 'thankYouBusinessDays', 'two');
		expect(tab.errors.get('thankYouBusinessDays')?.textContent).toMatch(/not a whole number/);
		expect(t.plugin.settings.thankYouBusinessDays).toBe(2);
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
		type(tabOf(t), 'holidays', '2026-11-23');
		await vi.waitFor(() => expect(ask()?.due).toBe('2026-11-24'));
	});

	it('what marks an interview note: a new folder rebuilds the index', async () => {
		const t = await loadPlugin(VAULT);
		expect(t.plugin.indexer.index.note('Notes/random.md')).toBeUndefined();
		type(tabOf(t), 'interviewFolders', 'Notes');
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
		expect(parseHolidays('2026-12-25, 2026-01-01 2026-12-25')).toEqual({ ok: true, value: ['2026-01-01', '2026-12-25'] });
		expect(parseHolidays('')).toEqual({ ok: true, value: [] });
		const bad = parseHolidays('2026-02-30');
		expect(bad.ok).toBe(false);
	});

	it('work week by day names', () => {
		expect(parseWorkWeek('Mon, Tue, wednesday, THU, fri')).toEqual({ ok: true, value: [1, 2, 3, 4, 5] });
		expect(parseWorkWeek('Sun Sat')).toEqual({ ok: true, value: [0, 6] });
		expect(parseWorkWeek('Mo').ok).toBe(false);
		expect(parseWorkWeek('Funday').ok).toBe(false);
		expect(parseWorkWeek('').ok).toBe(false);
	});

	it('folders: trimmed, slashes normalised, no way out of the vault', () => {
		expect(parseFolders('/Interviews/\nJobs\\2026, Jobs\\2026')).toEqual({ ok: true, value: ['Interviews', 'Jobs/2026'] });
		expect(parseFolders('../outside').ok).toBe(false);
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

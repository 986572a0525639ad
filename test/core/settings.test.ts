/**
 * One settings validator (issue #14): the plugin and the command line read
 * the same data.json to the same values, with one message per bad value.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/cli/settings';
import { validateSettings } from '../../src/core/settings';
import { DEFAULT_SETTINGS } from '../../src/core/types';

/** A configuration folder of the user's choosing (Obsidian lets them rename it). */
const CONFIG = '.vault-config';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The CLI's reading of `data` as the vault's data.json. */
function cliRead(data: unknown): ReturnType<typeof loadSettings> {
	const vault = mkdtempSync(join(tmpdir(), 'ifu-settings-'));
	dirs.push(vault);
	mkdirSync(join(vault, CONFIG, 'plugins', 'interview-followups'), { recursive: true });
	writeFileSync(join(vault, CONFIG, 'plugins', 'interview-followups', 'data.json'), JSON.stringify(data));
	return loadSettings(vault, CONFIG);
}

describe('one settings validator for the plugin and the command line', () => {
	// The data.json of the issue: v1 gave the plugin cadence 7-10, 2 thank-you days and min_active 3, and the CLI 0-0, 45 and 250.
	const data = { cadenceMin: 0, cadenceMax: 0, thankYouBusinessDays: 45, minActive: 250, holidays: ['2026-12-25', 'soon'], backoffAfter: 3, patienceMax: 21, kinds: { withdraw: false, lunch: true } };

	it('the same data.json gives the same values in both', () => {
		const plugin = validateSettings(data);
		const cli = cliRead(data);
		expect(cli.settings).toEqual(plugin.settings);
		expect([plugin.settings.cadenceMin, plugin.settings.cadenceMax, plugin.settings.thankYouBusinessDays, plugin.settings.minActive]).toEqual([7, 10, 2, 3]);
		expect(plugin.settings.holidays).toEqual(['2026-12-25']);
		expect(plugin.settings.kinds).toEqual({ withdraw: false });
	});

	it('one message per bad value, the same words in both (the CLI says which file)', () => {
		const plugin = validateSettings(data);
		expect(plugin.problems).toHaveLength(6);
		expect(cliRead(data).warnings).toEqual(plugin.problems.map((p) => `warning: ${CONFIG}/plugins/interview-followups/data.json: ${p}`));
	});

	it('good settings give no message, and v2\'s backoffAfter, patienceMax and kinds have their defaults', () => {
		expect(validateSettings(DEFAULT_SETTINGS).problems).toEqual([]);
		expect([DEFAULT_SETTINGS.backoffAfter, DEFAULT_SETTINGS.patienceMax, DEFAULT_SETTINGS.kinds]).toEqual([3, 21, {}]);
	});

	it('signOff and familyNameFirst: read the same by both, with defaults, and a message for a bad value', () => {
		expect([DEFAULT_SETTINGS.signOff, DEFAULT_SETTINGS.familyNameFirst]).toEqual(['', false]);
		const good = { signOff: '  Best,  ', familyNameFirst: true };
		expect(cliRead(good).settings).toEqual(validateSettings(good).settings);
		expect(validateSettings(good).settings).toMatchObject({ signOff: 'Best,', familyNameFirst: true });
		expect(validateSettings(good).problems).toEqual([]);

		const bad = { signOff: 'Best,\nSam', familyNameFirst: 'yes' };
		const r = validateSettings(bad);
		expect(r.settings).toMatchObject({ signOff: '', familyNameFirst: false });
		expect(r.problems).toEqual([
			'signOff: "Best,\\nSam": the sign-off must be one line (write e.g. Best,); using the built-in closings',
			'familyNameFirst: "yes" is not true or false; using false',
		]);
		expect(cliRead(bad).warnings).toHaveLength(2);
		expect(validateSettings({ signOff: 'x'.repeat(61) }).problems[0]).toMatch(/at most 60 characters/);
		// A cleared field (null) is the built-in closings, without a message.
		expect(validateSettings({ signOff: null })).toMatchObject({ settings: { signOff: '' }, problems: [] });
		// Saved and read back, the two stay settings, not unknown keys.
		expect(validateSettings(good).extra).toEqual({});
	});
});

/**
 * No control character from a note reaches the terminal: a note field cannot
 * set the window title (OSC), clear the screen, move the cursor or fake a
 * line, in the list, in `check`, in JSON, in `log`'s answer or in an error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terminalJson, terminalText } from '../../src/cli/format';
import { cleanTemps, runCli, tempDir } from './helpers';

afterAll(cleanTemps);

const EVIL = '\u001b]0;pwned\u0007\u001b[2J\rFAKE\u009b31m\u007f\u202e';
// eslint-disable-next-line no-control-regex -- looking for them is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('terminal text', () => {
	it('terminalText shows every control character as an escape, keeping tabs (and line breaks when asked)', () => {
		expect(terminalText(`a${EVIL}\tb\nc`)).toBe('a\\u001b]0;pwned\\u0007\\u001b[2J\\u000dFAKE\\u009b31m\\u007f\\u202e\tb\\nc');
		expect(terminalText('a\nb', true)).toBe('a\nb');
		const json = JSON.stringify({ k: `x${EVIL}` });
		expect(JSON.parse(terminalJson(json))).toEqual({ k: `x${EVIL}` });
		expect(terminalJson(json)).not.toMatch(RAW);
	});

	it('due, check, due --json, log and an error print no raw control character from a note', () => {
		const vault = tempDir('ifu-term-');
		mkdirSync(join(vault, 'Interviews'));
		const note = `---\ntype: interview\ncompany: "Acme${EVIL}"\nrole: "Clerk${EVIL}"\ninterview_date: 2026-11-16\ninterviewers:\n  - "Jane${EVIL} Doe, Manager${EVIL}"\nfollow_ups:\n  - "not a date${EVIL}"\n---\n`;
		writeFileSync(join(vault, 'Interviews', `Acme${'\u001b[2J'}.md`), note);
		writeFileSync(join(vault, 'Interviews', 'Broken.md'), `---\ntype: interview\ncompany: [Acme${EVIL}\n---\n`);
		const runs = [
			runCli(['due', vault, '--today', '2026-11-21', '--why']),
			runCli(['due', vault, '--today', '2026-11-21', '--json']),
			runCli(['check', vault, '--today', '2026-11-21']),
			runCli(['log', `Interviews/Acme${'\u001b[2J'}.md`, 'contact', '--date', '2026-11-21', '--vault', vault]),
			runCli(['log', 'Interviews/Broken.md', 'contact', '--date', '2026-11-21', '--vault', vault]),
		];
		expect(runs[0].stdout).toMatch(/Acme\\u001b\]0;pwned/);
		for (const r of runs) {
			expect(r.stdout, r.stdout).not.toMatch(RAW);
			expect(r.stderr, r.stderr).not.toMatch(RAW);
		}
		// JSON keeps the values (escaped, so the terminal shows them as text).
		expect((JSON.parse(runs[1].stdout) as { actions: { company: string }[] }).actions.some((a) => a.company.startsWith('Acme\u001b]0;pwned'))).toBe(true);
	});
});

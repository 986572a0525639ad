/**
 * The command line on real public vaults (../shared/corpora): it never
 * crashes, always prints valid output, and reports problems instead of
 * throwing, even when every note is taken for an interview note.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA, parseDue, runCli } from './helpers';

const VAULTS = ['tasks-demo-vault', 'kepano-vault', 'dataview-example-vault', 'obsidian-hub'];
const present = existsSync(CORPORA);
if (!present) console.warn(`skipped: the corpora (${CORPORA}) are not here`);

describe.skipIf(!present)('real vaults', () => {
	for (const name of VAULTS) {
		it(`${name}: due, and check with every note an interview note, run cleanly`, () => {
			const vault = join(CORPORA, name);
			const due = runCli(['due', vault, '--today', '2026-11-21', '--json'], { timeout: 120000 });
			expect(due.stderr).toBe('');
			expect(due.code).toBe(0);
			const doc = parseDue(due.stdout);
			expect(doc.today).toBe('2026-11-21');

			// Every note taken for an interview note: the hardest input the parser can get.
			const all = runCli(['check', vault, '--today', '2026-11-21', '--json', '--folder', '.'], { timeout: 120000 });
			expect(all.stderr).not.toMatch(/internal error/);
			expect([0, 1]).toContain(all.code);
			const every = parseDue(all.stdout);
			expect(all.code).toBe(every.diagnostics.some((d) => d.severity === 'error') ? 1 : 0);
			expect(every.diagnostics.length).toBeGreaterThanOrEqual(doc.diagnostics.length);
			for (const d of every.diagnostics) {
				expect(d.message).not.toMatch(/Internal error/i);
				expect(['error', 'warning', 'info']).toContain(d.severity);
				expect(d.note).not.toMatch(/\\/);
			}
		}, 240000);
	}
});

/**
 * The plugin's writer on every note of the real vaults (../shared/corpora),
 * on mocks, as the view's buttons drive it (RowActions): Snooze then
 * Un-snooze, and Done then Undo, each give back the note byte for byte, and
 * in between `yaml` and js-yaml (core schema) read the properties as before
 * plus the entry, whichever route the writer took (Obsidian's serialisation
 * through processFrontMatter's text, or the splice); a note the core refuses
 * is refused and left alone. Sampled, as the test says.
 */
import './setup';
import { parseYaml, stringifyYaml } from 'obsidian';
import { describe, expect, it, vi } from 'vitest';
import { appendToList } from '../../src/core/edit';
import type { Action } from '../../src/core/types';
import { frontMatterRoute } from '../../src/obsidian/frontMatterRoute';
import { corporaPresent, corpusNotes, listAddedProblems } from '../fixtures/roundTrip';
import { VAULT } from './fixtures';
import { fileOf, loadPlugin } from './harness';

const PATH = 'Corpus/note.md';
const UNTIL = '2026-11-24';

/** The note as it was, or under the empty block the writer gave a note without properties. */
function restored(now: string, was: string): 'same' | 'empty block' | null {
	if (now === was) return 'same';
	return now.replace(/^(\uFEFF?)---(\r?\n)---\r?\n/, '$1') === was ? 'empty block' : null;
}

describe.skipIf(!corporaPresent)('the plugin writer on every corpus note', () => {
	it('Snooze then Un-snooze, and Done then Undo: every byte back, both parsers read the written properties alike', async () => {
		// Every note whose properties Obsidian writes back byte for byte (where the writer may take
		// Obsidian's serialisation, the one thing the plugin does beyond the core), and every 8th of
		// the others (all of which test/core/edit.test.ts puts through the same splice): the whole
		// corpus through the mocked app takes minutes.
		const all = corpusNotes();
		const codec = { parse: parseYaml, stringify: stringifyYaml };
		const coreRefuses = (text: string): boolean => 'error' in appendToList(text, 'snoozed', 'x');
		// And the notes the core refuses, to see the plugin refuse them too.
		const notes = all.filter((n, i) => i % 8 === 0 || frontMatterRoute(n.text, () => undefined, codec) !== null || coreRefuses(n.text));
		const t = await loadPlugin({ ...VAULT, [PATH]: '' });
		// The mocks' metadata cache throws on properties it cannot parse; Obsidian shows none for such a note.
		const cache = t.app.metadataCache as unknown as { parseFileMetadata(file: unknown): void };
		const parseMetadata = cache.parseFileMetadata.bind(cache);
		vi.spyOn(cache, 'parseFileMetadata').mockImplementation((f: unknown) => {
			try {
				parseMetadata(f);
			} catch {
				// as Obsidian: no properties
			}
		});
		const real = t.plugin.indexer.schedule?.actions.find((a) => a.kind === 'reference-alert' && a.note !== null);
		if (!real) throw new Error('the fixture vault has no reference-alert');
		// An action of the fixture vault, pointed at the corpus note (reference-alert has no companion to log with it).
		const action: Action = { ...real, note: PATH };
		const snoozeEntry = t.plugin.followUps.snoozeEntry(action, UNTIL);
		const doneEntry = t.plugin.followUps.doneEntry(action);
		const file = fileOf(t.app, PATH);
		const counts = { notes: notes.length, snoozed: 0, done: 0, refused: 0, viaProcessFrontMatter: 0, emptyBlock: 0 };
		const problems: string[] = [];
		for (const { vault, path, text } of notes) {
			const where = `${vault}/${path}`;
			await t.app.vault.modify(file, text);
			const snoozed = await t.plugin.followUps.snooze(action, UNTIL);
			if (!snoozed.ok) {
				// Refused only where the core refuses (and says why): nothing written.
				counts.refused++;
				if (!coreRefuses(text)) problems.push(`${where}: refused (${snoozed.message}) what the core writes`);
				if (t.text(PATH) !== text) problems.push(`${where}: refused, but the note changed`);
				continue;
			}
			const key = appendToList(text, 'snoozed', snoozeEntry);
			if ('error' in key) throw new Error(`${where}: the plugin wrote what the core refuses`);
			for (const p of listAddedProblems(text, t.text(PATH), key.key, snoozeEntry)) problems.push(`${where} (snooze via ${snoozed.via}): ${p}`);
			if (snoozed.via === 'processFrontMatter') counts.viaProcessFrontMatter++;
			const back = await t.plugin.followUps.unsnooze(action, UNTIL);
			const how = restored(t.text(PATH), text);
			if (!back.ok || how === null) problems.push(`${where}: Un-snooze did not give back the note${back.ok ? '' : ` (${back.message})`}`);
			counts.snoozed++;
			if (how === 'empty block') counts.emptyBlock++;

			await t.app.vault.modify(file, text);
			const done = await t.plugin.followUps.done(action);
			const logKey = appendToList(text, 'follow_ups', doneEntry);
			if (!done.ok || 'error' in logKey) {
				problems.push(`${where}: Done refused what Snooze wrote`);
				continue;
			}
			for (const p of listAddedProblems(text, t.text(PATH), logKey.key, doneEntry)) problems.push(`${where} (done via ${done.via}): ${p}`);
			if (!(await t.plugin.followUps.undo()) || t.text(PATH) !== text) problems.push(`${where}: Undo did not give back the note`);
			counts.done++;
		}
		expect(problems).toEqual([]);
		process.stderr.write(
			`corpus round trip (plugin writer): ${counts.notes} of the ${all.length} notes (sampled), ${counts.snoozed} snoozed and un-snoozed (${counts.emptyBlock} of them without properties, back under an empty block), ${counts.done} done and undone, both parsers alike; ${counts.viaProcessFrontMatter} took Obsidian's serialisation; ${counts.refused} refused\n`,
		);
		expect(counts.refused).toBeGreaterThan(0);
		expect(counts.viaProcessFrontMatter).toBeGreaterThan(0);
	}, 300000);
});

/**
 * The oracle: 89 notes recorded inside real Obsidian (from the Tasks plugin
 * project), each with the `cachedMetadata` Obsidian computed. For every one,
 * `readFrontmatter(...).data` must deep-equal `cachedMetadata.frontmatter`
 * (absent there = null here), and the block we recognise must be the one
 * Obsidian marked as its `yaml` section.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/core/frontmatter';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RECORDINGS = join(REPO_ROOT, '..', 'shared', 'corpora', 'obsidian-recordings');

interface Pos {
	line: number;
	col: number;
	offset: number;
}
interface Recording {
	filePath: string;
	fileContents: string;
	cachedMetadata: {
		frontmatter?: Record<string, unknown>;
		frontmatterPosition?: { start: Pos; end: Pos };
		sections?: { type: string; position: { start: Pos; end: Pos } }[];
	};
}

const present = existsSync(RECORDINGS);
const names = present ? readdirSync(RECORDINGS).filter((f) => f.endsWith('.json')).sort() : [];
const recordings = names.map((name) => [name, JSON.parse(readFileSync(join(RECORDINGS, name), 'utf8')) as Recording] as const);

if (!present) console.warn('Skipping recordings.test.ts: ../shared/corpora/obsidian-recordings (relative to the repo root) is absent.');

describe.skipIf(!present)('Obsidian recordings (skipped: ../shared/corpora/obsidian-recordings is absent)', () => {
	it('all 89 recordings are there', () => {
		expect(recordings).toHaveLength(89);
	});

	describe.each(recordings)('%s', (_name, rec) => {
		const result = readFrontmatter(rec.filePath, rec.fileContents);

		it('data deep-equals cachedMetadata.frontmatter', () => {
			expect(result.data).toStrictEqual(rec.cachedMetadata.frontmatter ?? null);
		});

		it('recognises the block Obsidian marked as yaml, and the body starts after it', () => {
			const yaml = rec.cachedMetadata.sections?.find((s) => s.type === 'yaml');
			expect(result.fenced).toBe(yaml !== undefined);
			if (yaml) {
				// Obsidian's end is just after the closing `---`; the body starts on the next line.
				expect(rec.fileContents.slice(yaml.position.end.offset, result.bodyOffset)).toMatch(/^\r?\n?$/);
				expect(result.bodyLine).toBe(yaml.position.end.line + 2);
			} else {
				expect(result.bodyOffset).toBe(0);
			}
			const fm = rec.cachedMetadata.frontmatterPosition;
			if (fm) expect(fm.end.offset).toBe(yaml?.position.end.offset);
		});

		it('has no diagnostics (every recorded note is well-formed)', () => {
			expect(result.diagnostics).toEqual([]);
		});

		it('keyLines name every key of data, each on its line', () => {
			const data = result.data ?? {};
			expect(Object.keys(result.keyLines).sort()).toEqual(Object.keys(data).sort());
			const lines = rec.fileContents.split('\n');
			for (const [key, line] of Object.entries(result.keyLines)) {
				expect(lines[line - 1]).toContain(key);
			}
		});
	});
});

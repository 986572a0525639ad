/**
 * When a list edit may go through Obsidian's `processFrontMatter` without
 * changing a byte it was not meant to change.
 *
 * `processFrontMatter` parses the properties and writes them all back in
 * Obsidian's own style (`stringifyYaml`): comments go, quoting and list
 * styles change. For a note whose properties are already written exactly
 * that way (notes whose properties were made in Obsidian's property editor),
 * writing them back changes nothing but the edited list, so Done and Snooze
 * use it there, as the plugin's design asks. For any other note they splice
 * the text through `vault.process` (core/edit.ts), which keeps every byte.
 *
 * `parse` and `stringify` are Obsidian's `parseYaml` and `stringifyYaml`,
 * passed in so this module stays testable on its own.
 */
import { scanFence } from '../core/frontmatter/fence';

export interface YamlCodec {
	parse(yaml: string): unknown;
	stringify(value: unknown): string;
}

/** A change of the properties object, as `processFrontMatter` takes it. */
export type FrontMatterChange = (frontmatter: Record<string, unknown>) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The properties block and the body of a note written the way Obsidian
 * writes one: `---` and LF line breaks exactly, no byte-order mark, no CR in
 * the block; otherwise null.
 */
export function obsidianShape(text: string): { yaml: string; body: string } | null {
	const scan = scanFence(text);
	if (scan.kind !== 'fenced' || scan.bom !== 0 || scan.openEnd !== 3 || text.charCodeAt(3) !== 0x0a) return null;
	if (scan.closeEnd !== scan.closeStart + 3 || text.charCodeAt(scan.closeEnd) !== 0x0a) return null;
	const yaml = text.slice(4, scan.closeStart);
	return yaml.includes('\r') ? null : { yaml, body: text.slice(scan.bodyOffset) };
}

/**
 * The text `processFrontMatter(file, change)` writes for `text`, if Obsidian's
 * serialisation reproduces the note's properties byte for byte before the
 * change; otherwise null (the route would change other bytes: use the splice).
 */
export function frontMatterRoute(text: string, change: FrontMatterChange, yaml: YamlCodec): string | null {
	const shape = obsidianShape(text);
	if (shape === null) return null;
	const block = shape.yaml;
	let before: unknown;
	let after: unknown;
	try {
		before = yaml.parse(block);
		if (!isRecord(before) || yaml.stringify(before) !== block) return null;
		after = yaml.parse(block);
		if (!isRecord(after)) return null;
		change(after);
	} catch {
		return null;
	}
	const written = yaml.stringify(after);
	return `---\n${written}---\n${shape.body}`;
}

/**
 * Does `after` hold `before` with one stretch of text put in (and nothing
 * else changed)? The last check on a predicted `processFrontMatter` write.
 */
export function isOneInsertion(before: string, after: string): boolean {
	if (after.length <= before.length) return false;
	let head = 0;
	while (head < before.length && before.charCodeAt(head) === after.charCodeAt(head)) head++;
	let tail = 0;
	while (tail < before.length - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
	return head + tail === before.length;
}

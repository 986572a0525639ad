/**
 * Inserting a draft into the note being edited: at the cursor, on lines of
 * its own (after the cursor's line when the cursor is inside one, so no line
 * is cut in two), after a selection, which is kept, and never inside the
 * properties block; then the inserted text is selected and scrolled into
 * view so the user sees what was added.
 */
import type { Editor, EditorPosition } from 'obsidian';
import { bodyStart } from '../core/templates';

export function insertAtCursor(editor: Editor, markdown: string): { from: EditorPosition; to: EditorPosition } {
	const text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
	const cursor = editor.getCursor('to');
	const body = bodyStart(editor.getValue().split('\n'));
	const line = Math.max(cursor.ch > 0 ? cursor.line + 1 : cursor.line, body);
	let from: EditorPosition;
	if (line >= editor.lineCount()) {
		// After the last line (which has text, or closes the properties): start a line of its own.
		const last = editor.lineCount() - 1;
		editor.replaceRange(`\n${text}`, { line: last, ch: editor.getLine(last).length });
		from = { line: last + 1, ch: 0 };
	} else {
		// A blank line keeps the text that follows out of the draft's last paragraph.
		editor.replaceRange(editor.getLine(line).trim() === '' ? text : `${text}\n`, { line, ch: 0 });
		from = { line, ch: 0 };
	}
	const to = { line: from.line + text.split('\n').length - 1, ch: 0 };
	editor.setSelection(from, to);
	editor.scrollIntoView({ from, to }, true);
	return { from, to };
}

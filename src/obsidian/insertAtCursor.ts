/**
 * Inserting a draft into the note being edited: at the cursor (the end of a
 * selection, which is kept), on lines of its own, never inside the
 * properties block; then the inserted text is selected and scrolled into
 * view so the user sees what was added.
 */
import type { Editor, EditorPosition } from 'obsidian';
import { bodyStart } from '../core/templates';

export function insertAtCursor(editor: Editor, markdown: string): { from: EditorPosition; to: EditorPosition } {
	const text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
	let at = editor.getCursor('to');
	const lines = editor.getValue().split('\n');
	const body = bodyStart(lines);
	if (at.line < body) at = { line: body, ch: 0 };
	let insert = text;
	if (at.line >= editor.lineCount()) {
		// The properties block ends the note: start a line after it.
		const last = editor.lineCount() - 1;
		at = { line: last, ch: editor.getLine(last).length };
		insert = `\n${text}`;
	} else if (at.ch > 0) {
		insert = `\n${text}`;
	}
	editor.replaceRange(insert, at);
	const startLine = insert.startsWith('\n') && !text.startsWith('\n') ? at.line + 1 : at.line;
	const from = { line: startLine, ch: 0 };
	const added = text.split('\n').length - 1;
	const to = { line: startLine + added, ch: 0 };
	editor.setSelection(from, to);
	editor.scrollIntoView({ from, to }, true);
	return { from, to };
}

/**
 * "Export the due list as a calendar file": asks where in the vault (the
 * calendar-file setting, else `Interview follow-ups.ics`, offered first) and
 * writes the calendar there.
 */
import { Modal, Notice, Setting, type App, type Command } from 'obsidian';
import { DEFAULT_ICS_PATH, pluginCalendar, writeCalendarFile } from '../calendar';
import { parseVaultIcsPath } from '../../core/settings';
import type { PluginHost } from '../host';

/** Writes the calendar to `path`; returns the path, or null when it could not. */
export async function exportIcs(host: PluginHost, path: string): Promise<string | null> {
	const text = pluginCalendar(host);
	if (text === null) {
		new Notice('The follow-ups are still being read; try again in a moment.');
		return null;
	}
	try {
		await writeCalendarFile(host.app, path, text);
	} catch (e) {
		new Notice(`Could not write the calendar to ${path}: ${e instanceof Error ? e.message : String(e)}`);
		return null;
	}
	new Notice(`Exported the follow-ups calendar to ${path}.`);
	return path;
}

export function exportIcsCommand(host: PluginHost): Command {
	return {
		id: 'export-calendar',
		name: 'Export the due list as a calendar file',
		callback: () => {
			new PathPromptModal(host.app, host.settings.calendarFile || DEFAULT_ICS_PATH, parseVaultIcsPath, (path) => void exportIcs(host, path)).open();
		},
	};
}

/** Asks for a vault path for the calendar file; `onPick` gets it once it is a usable one. */
export class PathPromptModal extends Modal {
	value: string;
	errorEl: HTMLElement | null = null;

	constructor(
		app: App,
		initial: string,
		private readonly parse: (text: string) => { ok: true; value: string } | { ok: false; message: string },
		private readonly onPick: (path: string) => void,
	) {
		super(app);
		this.value = initial;
	}

	override onOpen(): void {
		this.titleEl.setText('Export the calendar');
		const { contentEl } = this;
		contentEl.empty();
		new Setting(contentEl)
			.setName('File in the vault')
			.setDesc('Where in the vault to write the calendar (a path ending in .ics). A file already there is replaced.')
			.addText((text) => {
				text.setValue(this.value);
				text.inputEl.setAttribute('aria-label', 'Calendar file path');
				text.onChange((v) => {
					this.value = v;
				});
				text.inputEl.addEventListener('keydown', (evt) => {
					if (evt.key === 'Enter') {
						evt.preventDefault();
						this.submit(text.getValue());
					}
				});
			});
		this.errorEl = contentEl.createDiv({ cls: 'ifu-error' });
		new Setting(contentEl).addButton((b) =>
			b
				.setButtonText('Export')
				.setCta()
				.onClick(() => this.submit(this.value)),
		);
	}

	/** Checks the path; on success closes and reports it. Returns the problem, or null. */
	submit(text: string): string | null {
		const r = this.parse(text);
		const problem = !r.ok ? r.message : r.value === '' ? 'write a path, for example Interview follow-ups.ics' : null;
		if (problem !== null || !r.ok) {
			this.errorEl?.setText(problem ?? '');
			return problem;
		}
		this.close();
		this.onPick(r.value);
		return null;
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}

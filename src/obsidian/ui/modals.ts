/**
 * Small modals: one field (a snooze date, the calendar file's path), a fuzzy pick of one choice.
 */
import { FuzzySuggestModal, Modal, Setting, type App } from 'obsidian';
import { addDays, parseLocalDate, type LocalDate } from '../../core/dates';

/** What a one-field modal asks, how it reads the answer, and where the answer goes. */
export interface OneField<T> {
	title: string;
	name: string;
	description: string;
	/** The field's accessible name. */
	label: string;
	button: string;
	initial?: string;
	placeholder?: string;
	/** Sets the input up beyond text (a date input, its minimum). */
	setUp?: (input: HTMLInputElement) => void;
	/** The answer, or why it is refused (shown under the field). */
	parse: (text: string) => { ok: true; value: T } | { ok: false; message: string };
	onPick: (value: T) => void;
}

/** One text field: Enter or the button submits, a refused answer shows its reason under the field. */
export class OneFieldModal<T> extends Modal {
	value: string;
	errorEl: HTMLElement | null = null;

	constructor(
		app: App,
		readonly field: OneField<T>,
	) {
		super(app);
		this.value = field.initial ?? '';
	}

	override onOpen(): void {
		const { field, contentEl } = this;
		this.titleEl.setText(field.title);
		contentEl.empty();
		new Setting(contentEl)
			.setName(field.name)
			.setDesc(field.description)
			.addText((text) => {
				field.setUp?.(text.inputEl);
				text.setValue(this.value);
				if (field.placeholder !== undefined) text.setPlaceholder(field.placeholder);
				text.inputEl.setAttribute('aria-label', field.label);
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
				.setButtonText(field.button)
				.setCta()
				.onClick(() => this.submit(this.value)),
		);
	}

	/** Checks the answer; on success closes and hands it on. Returns the problem, or null. */
	submit(text: string): string | null {
		const r = this.field.parse(text);
		if (!r.ok) {
			this.errorEl?.setText(r.message);
			return r.message;
		}
		this.close();
		this.field.onPick(r.value);
		return null;
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}

/** Asks for a snooze date after `today`. */
export function snoozeDateModal(app: App, today: LocalDate, onPick: (date: LocalDate) => void): OneFieldModal<LocalDate> {
	return new OneFieldModal(app, {
		title: 'Snooze until',
		name: 'Date',
		description: `Write the date as year-month-day, for example ${addDays(today, 7)}. The action comes back on that day.`,
		label: 'Snooze date',
		button: 'Snooze',
		placeholder: addDays(today, 1),
		setUp: (input) => {
			input.type = 'date';
			input.min = today;
		},
		parse: (text) => {
			const r = parseLocalDate(text);
			return r.ok && r.value <= today ? { ok: false, message: `${r.value} is not after today (${today})` } : r;
		},
		onPick,
	});
}

export interface Choice<T> {
	label: string;
	value: T;
}

/** Fuzzy-picks one of `choices`. */
export class ChoiceModal<T> extends FuzzySuggestModal<Choice<T>> {
	constructor(
		app: App,
		private readonly choices: Choice<T>[],
		private readonly onPick: (value: T) => void,
		placeholder: string,
	) {
		super(app);
		this.setPlaceholder(placeholder);
	}

	getItems(): Choice<T>[] {
		return this.choices;
	}

	getItemText(item: Choice<T>): string {
		return item.label;
	}

	onChooseItem(item: Choice<T>): void {
		this.onPick(item.value);
	}
}

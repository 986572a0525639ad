/**
 * Small modals: pick a snooze date, pick a person, pick an action to log.
 */
import { FuzzySuggestModal, Modal, Setting, type App } from 'obsidian';
import { addDays, parseLocalDate, type LocalDate } from '../../core/dates';

/** Asks for a date after `today`; calls `onPick` with it. */
export class DatePromptModal extends Modal {
	value = '';
	errorEl: HTMLElement | null = null;

	constructor(
		app: App,
		private readonly today: LocalDate,
		private readonly onPick: (date: LocalDate) => void,
		private readonly heading = 'Snooze until',
	) {
		super(app);
	}

	override onOpen(): void {
		this.titleEl.setText(this.heading);
		const { contentEl } = this;
		contentEl.empty();
		new Setting(contentEl)
			.setName('Date')
			.setDesc(`Write the date as year-month-day, for example ${addDays(this.today, 7)}. The action comes back on that day.`)
			.addText((text) => {
				text.inputEl.type = 'date';
				text.inputEl.min = this.today;
				text.setPlaceholder(addDays(this.today, 1));
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
				.setButtonText('Snooze')
				.setCta()
				.onClick(() => this.submit(this.value)),
		);
	}

	/** Checks the date; on success closes and reports it. Returns the problem, or null. */
	submit(text: string): string | null {
		const r = parseLocalDate(text);
		let problem: string | null = null;
		if (!r.ok) problem = r.message;
		else if (r.value <= this.today) problem = `${r.value} is not after today (${this.today})`;
		if (problem !== null) {
			this.errorEl?.setText(problem);
			return problem;
		}
		this.close();
		if (r.ok) this.onPick(r.value);
		return null;
	}

	override onClose(): void {
		this.contentEl.empty();
	}
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

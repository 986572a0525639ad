/**
 * The settings tab. Every value is checked as it is typed, by the checks of
 * core/settings.ts (the ones data.json goes through): a bad value is shown
 * under its field and not saved; a good one is saved at once.
 */
import {
	AbstractInputSuggest,
	Platform,
	PluginSettingTab,
	Setting,
	TFolder,
	requireApiVersion,
	type App,
	type ButtonComponent,
	type Plugin,
	type TextComponent,
	type ToggleComponent,
} from 'obsidian';
import { WEEKDAY_NAMES } from '../core/dates';
import { TEMPLATE_KINDS, templateFileName } from '../core/templates';
import { KIND_LABELS, kindTitle } from '../core/labels';
import { ACTION_KINDS, type Settings } from '../core/types';
import type { PluginHost } from './host';
import { checkCadence, checkFolders, checkHolidays, checkWorkWeek, countLimits, kindEnabled, parseCount, parseFolder, parseMarker, parseSignOff, parseTimeOfDay, parseVaultIcsPath, type Parsed } from '../core/settings';

type Key = keyof Settings;
type ListKey = 'interviewFolders' | 'excludedFolders' | 'holidays';

/** Monday first, as most calendars outside North America show the week. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

export class FollowUpsSettingTab extends PluginSettingTab {
	/** The text fields by setting, so tests (and refreshes) can reach them. */
	readonly inputs = new Map<Key, TextComponent>();
	/** The fields of the list settings, one per entry. */
	readonly lists = new Map<ListKey, TextComponent[]>();
	readonly errors = new Map<Key, HTMLElement>();
	readonly toggles = new Map<string, ToggleComponent>();
	/** The Add buttons of the list settings. */
	readonly buttons = new Map<ListKey, ButtonComponent>();

	constructor(
		app: App,
		plugin: Plugin,
		private readonly host: PluginHost & { settingsProblems: string[]; onSettingsChanged(classifierChanged: boolean): void },
	) {
		super(app, plugin);
	}

	/**
	 * The declarative settings API (Obsidian 1.13) is not used yet, since the
	 * plugin supports Obsidian 1.4: an empty list tells Obsidian to call
	 * display(), which builds the tab on every version.
	 */
	getSettingDefinitions(): unknown[] {
		return [];
	}

	/** Whether the tab is on screen (so that settings changed elsewhere are shown). */
	get shown(): boolean {
		return this.containerEl.isConnected && this.containerEl.childElementCount > 0;
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		this.inputs.clear();
		this.lists.clear();
		this.buttons.clear();
		this.errors.clear();
		this.toggles.clear();
		const s = this.host.settings;

		if (this.host.settingsProblems.length > 0) {
			const box = containerEl.createDiv({ cls: 'ifu-settings-problems' });
			box.createEl('p', { text: 'Some saved values could not be used; the defaults are used instead:' });
			const ul = box.createEl('ul');
			for (const p of this.host.settingsProblems) ul.createEl('li', { text: p });
		}

		new Setting(containerEl).setName('Which notes are interview notes').setHeading();
		this.text(containerEl, 'interviewType', 'Note type', 'A note whose frontmatter says type: <this> is an interview note.', s.interviewType, (v) => parseMarker(v, 'type'), true);
		this.text(containerEl, 'interviewTag', 'Tag', 'A note with this tag (or a nested tag under it) is an interview note.', s.interviewTag, (v) => parseMarker(v, 'tag'), true);
		this.list(containerEl, 'interviewFolders', 'Interview folders', 'Every note in these folders is an interview note.', 'Interview folder', checkFolders, true);
		this.list(containerEl, 'excludedFolders', 'Excluded folders', 'Notes in these folders are never interview notes. The templates folders of Obsidian, Templater and this plugin are left out anyway.', 'Excluded folder', checkFolders, true);

		new Setting(containerEl).setName('Calendar').setHeading();
		this.workDays(containerEl);
		this.list(containerEl, 'holidays', 'Holidays', 'Days that are not business days: a follow-up due on one moves to the next business day.', 'Holiday', checkHolidays);

		new Setting(containerEl).setName('Schedule').setHeading();
		this.count(containerEl, 'thankYouBusinessDays', 'Thank-you within', 'Business days after an interview to send the thank-you note.');
		this.count(containerEl, 'referenceAlertBusinessDays', 'Reference heads-up within', 'Business days after an interview to tell your references a call may come.');
		this.count(containerEl, 'askTimelineBusinessDays', 'Ask about the timeline within', 'Business days after an interview to ask when they expect to decide, when nobody said.');
		this.count(containerEl, 'cadenceMin', 'Status check after at least', 'Days between two status checks, at the earliest.');
		this.count(containerEl, 'cadenceMax', 'Status check after at most', 'Days between two status checks, at the latest.');
		this.count(containerEl, 'backoffAfter', 'Slow down after', 'After this many status checks without an answer, the days between checks double.');
		this.count(containerEl, 'patienceMax', 'Wait for a decision date at most', 'Days. A status check waits for the decision date they gave you, unless it is further away than this.');
		this.count(containerEl, 'referralBusinessDays', 'Referral request within', 'Business days after a rejection to ask for referrals.');
		this.count(containerEl, 'minActive', 'Active applications to keep', 'Below this many active applications, the list says to keep looking.');
		this.count(containerEl, 'withinDays', 'Look ahead', 'Days ahead the upcoming group shows.');

		new Setting(containerEl).setName('Which follow-ups to list').setHeading();
		for (const kind of ACTION_KINDS) {
			new Setting(containerEl)
				.setName(kindTitle(kind))
				.setDesc(`${KIND_LABELS[kind].todo(null)}.`)
				.addToggle((t) => {
					t.setValue(kindEnabled(s, kind)).onChange((on) => {
						const kinds = { ...this.host.settings.kinds };
						if (on) delete kinds[kind];
						else kinds[kind] = false;
						this.apply('kinds', { ok: true, value: kinds });
					});
					this.toggles.set(`kinds.${kind}`, t);
				});
		}

		new Setting(containerEl).setName('Notes and templates').setHeading();
		this.text(containerEl, 'templatesFolder', 'Templates folder', `Your own templates, one file per kind: ${TEMPLATE_KINDS.map(templateFileName).join(', ')}. Empty: the built-in ones.`, s.templatesFolder, parseFolder, true, true);
		this.text(containerEl, 'newNoteFolder', 'New note folder', 'Where new interview notes are created.', s.newNoteFolder, parseFolder, false, true);
		this.text(containerEl, 'userName', 'Your name', 'Signs the notes the templates fill in.', s.userName ?? '', (v) => ({ ok: true, value: v.trim() }));
		this.text(containerEl, 'userPhone', 'Your phone number', 'Offered in the notes.', s.userPhone ?? '', (v) => ({ ok: true, value: v.trim() }));
		this.text(containerEl, 'signOff', 'Sign-off', 'Your own closing, such as "Best,", in place of the built-in ones. Empty: the built-in ones.', s.signOff, parseSignOff);
		this.toggle(containerEl, 'familyNameFirst', 'Family name first', 'Names in your notes are written family name first: greetings use the whole name ("Dear Wang Wei"), not its first word.', s.familyNameFirst);

		new Setting(containerEl).setName('Follow-ups view').setHeading();
		new Setting(containerEl)
			.setName("Today's work first")
			.setDesc('List what to do now above the overdue ones, so that a backlog does not bury today.')
			.addToggle((t) => {
				t.toggleEl.setAttribute('aria-label', "Today's work first");
				t.setValue(this.host.viewPrefs.todayFirst).onChange((v) => {
					this.host.viewPrefs.todayFirst = v;
					void this.host.saveViewPrefs().then(() => this.host.onSettingsChanged(false));
				});
				this.toggles.set('todayFirst', t);
			});
		this.toggle(containerEl, 'notifyOnStartup', 'Notice at start-up', 'Show a notice when Obsidian starts and follow-ups are overdue.', s.notifyOnStartup);

		new Setting(containerEl).setName('Reminders outside Obsidian').setHeading();
		this.text(
			containerEl,
			'calendarFile',
			'Calendar file',
			'A file in the vault, such as Calendar/Follow-ups.ics, kept up to date with the follow-ups, so that a sync service carries it to your calendar app. Empty: none.',
			s.calendarFile,
			parseVaultIcsPath,
		);
		if (Platform.isDesktopApp) {
			this.toggle(containerEl, 'dailyNotification', 'Daily notification', 'Once a day, a system notification of what is overdue and to do now. Click it to open the follow-ups view.', s.dailyNotification);
		}
		this.text(containerEl, 'notificationTime', 'Reminder time', 'The time of day (HH:MM) of the daily notification and of the calendar alarms.', s.notificationTime, parseTimeOfDay);
	}

	private errorEl(setting: Setting, key: Key): HTMLElement {
		const el = setting.descEl.createDiv({ cls: 'ifu-error' });
		this.errors.set(key, el);
		return el;
	}

	/** Checks a typed value; saves it when good, shows the problem when not. */
	apply<T>(key: Key, parsed: Parsed<T>, classifier = false): boolean {
		const err = this.errors.get(key);
		if (!parsed.ok) {
			err?.setText(parsed.message);
			return false;
		}
		if (key === 'cadenceMin' || key === 'cadenceMax') return this.applyCadence(key, parsed.value as number);
		err?.setText('');
		(this.host.settings as unknown as Record<string, unknown>)[key] = parsed.value;
		this.save(classifier);
		return true;
	}

	/**
	 * The cadence is checked as a pair, with what the other field shows: a
	 * refused "at least" of 12 is saved with "at most" once that says 14.
	 */
	private applyCadence(key: 'cadenceMin' | 'cadenceMax', value: number): boolean {
		const other = key === 'cadenceMin' ? 'cadenceMax' : 'cadenceMin';
		const [lo, hi] = countLimits(other);
		const shown = parseCount(this.inputs.get(other)?.getValue() ?? '', lo, hi);
		const otherValue = shown.ok ? shown.value : this.host.settings[other];
		const pair = key === 'cadenceMin' ? checkCadence(value, otherValue) : checkCadence(otherValue, value);
		if (!pair.ok) {
			this.errors.get(key)?.setText(pair.message);
			if (shown.ok) this.errors.get(other)?.setText('');
			return false;
		}
		this.errors.get(key)?.setText('');
		if (shown.ok) this.errors.get(other)?.setText('');
		Object.assign(this.host.settings, pair.value);
		this.save(false);
		return true;
	}

	private save(classifier: boolean): void {
		void this.host.saveSettings().then(() => this.host.onSettingsChanged(classifier));
	}

	private text<T>(el: HTMLElement, key: Key, name: string, desc: string, value: string, parse: (v: string) => Parsed<T>, classifier = false, folder = false): void {
		const setting = new Setting(el).setName(name).setDesc(desc);
		this.errorEl(setting, key);
		setting.addText((t) => {
			t.inputEl.setAttribute('aria-label', name);
			const change = (v: string): boolean => this.apply(key, parse(v), classifier);
			t.setValue(value);
			t.onChange(change);
			if (folder) this.suggestFolders(t, change);
			this.inputs.set(key, t);
		});
	}

	/** A switch the rules do not read (notices, notifications, names in messages): saved, with no new schedule. */
	private toggle(el: HTMLElement, key: 'familyNameFirst' | 'notifyOnStartup' | 'dailyNotification', name: string, desc: string, value: boolean): void {
		new Setting(el)
			.setName(name)
			.setDesc(desc)
			.addToggle((t) => {
				t.toggleEl.setAttribute('aria-label', name);
				t.setValue(value).onChange((v) => {
					this.host.settings[key] = v;
					void this.host.saveSettings();
				});
				this.toggles.set(key, t);
			});
	}

	private count(el: HTMLElement, key: Key, name: string, desc: string): void {
		const [min, max] = countLimits(key);
		this.text(el, key, name, desc, String(this.host.settings[key] as number), (v) => parseCount(v, min, max));
		const input = this.inputs.get(key)?.inputEl;
		// A numeric keyboard on phones; the field stays text, so a typo is shown as typed.
		if (input) input.inputMode = 'numeric';
	}

	/**
	 * The vault's folders offered as the user types. AbstractInputSuggest
	 * exists from Obsidian 1.4.10 on, so its subclass is made after the version
	 * check; older apps get a plain field.
	 */
	private suggestFolders(t: TextComponent, change: (v: string) => unknown): void {
		if (requireApiVersion('1.4.10')) {
			class FolderSuggest extends AbstractInputSuggest<TFolder> {
				protected getSuggestions(query: string): TFolder[] {
					const q = query.trim().toLowerCase();
					return this.app.vault
						.getAllLoadedFiles()
						.filter((f): f is TFolder => f instanceof TFolder && !f.isRoot() && f.path.toLowerCase().includes(q))
						.sort((a, b) => a.path.localeCompare(b.path));
				}

				renderSuggestion(folder: TFolder, el: HTMLElement): void {
					el.setText(folder.path);
				}

				override selectSuggestion(folder: TFolder): void {
					t.setValue(folder.path);
					change(folder.path);
					this.close();
				}
			}
			new FolderSuggest(this.app, t.inputEl);
		}
	}

	/** One switch per weekday; the last work day cannot be switched off. */
	private workDays(el: HTMLElement): void {
		const setting = new Setting(el).setName('Work days').setDesc('The days you count as business days: follow-ups fall on these.');
		const err = this.errorEl(setting, 'workWeek');
		const box = setting.controlEl.createDiv({ cls: 'ifu-weekdays' });
		for (const day of WEEK_ORDER) {
			const name = WEEKDAY_NAMES[day];
			const cell = box.createDiv({ cls: 'ifu-weekday' });
			cell.createSpan({ text: name.slice(0, 3) });
			setting.addToggle((t) => {
				cell.appendChild(t.toggleEl);
				t.toggleEl.setAttribute('aria-label', name);
				t.setValue(this.host.settings.workWeek.includes(day)).onChange((on) => {
					const days = this.host.settings.workWeek.filter((d) => d !== day);
					if (on) days.push(day);
					const week = checkWorkWeek(days);
					if (!week.ok) {
						t.setValue(true);
						err.setText(week.message);
						return;
					}
					this.apply('workWeek', week);
				});
				this.toggles.set(`workWeek.${name}`, t);
			});
		}
	}

	/**
	 * A list setting edited one entry per field (a folder with suggestions, a
	 * holiday as a date input), each with a Remove button, and an Add button.
	 */
	private list(el: HTMLElement, key: ListKey, name: string, desc: string, entry: string, check: (entries: string[]) => Parsed<string[]>, classifier = false): void {
		const holiday = key === 'holidays';
		const fields: TextComponent[] = [];
		this.lists.set(key, fields);
		const setting = new Setting(el).setName(name).setDesc(desc);
		this.errorEl(setting, key);
		const entriesEl = el.createDiv({ cls: 'ifu-setting-list' });
		const change = (): void => {
			this.apply(key, check(fields.map((f) => f.getValue())), classifier);
		};
		const add = (value: string): TextComponent => {
			const row = new Setting(entriesEl).setClass('ifu-setting-list-entry');
			let field!: TextComponent;
			row.addText((t) => {
				field = t;
				fields.push(t);
				if (holiday) t.inputEl.type = 'date';
				t.inputEl.setAttribute('aria-label', entry);
				t.setPlaceholder(holiday ? 'YYYY-MM-DD' : 'Folder');
				t.setValue(value);
				t.onChange(() => {
					remove.setTooltip(removeLabel());
					change();
				});
				if (!holiday) this.suggestFolders(t, change);
			});
			const removeLabel = (): string => `Remove ${entry.toLowerCase()} ${field.getValue()}`.trim();
			let remove!: { setTooltip(tooltip: string): unknown };
			row.addExtraButton((b) => {
				remove = b;
				b.setIcon('x')
					.setTooltip(removeLabel())
					.onClick(() => {
						fields.splice(fields.indexOf(field), 1);
						row.settingEl.remove();
						change();
					});
			});
			return field;
		};
		for (const value of this.host.settings[key]) add(value);
		setting.addButton((b) => {
			b.setButtonText(holiday ? 'Add holiday' : 'Add folder').onClick(() => {
				add('').inputEl.focus();
			});
			this.buttons.set(key, b);
		});
	}
}

/**
 * The settings tab. Every text is checked as it is typed: a bad value is
 * shown under its field and not saved; a good one is saved at once.
 */
import { Platform, PluginSettingTab, Setting, type App, type Plugin, type TextComponent, type TextAreaComponent, type ToggleComponent } from 'obsidian';
import type { Settings } from '../core/types';
import type { PluginHost } from './host';
import {
	countLimits,
	formatWorkWeek,
	parseCount,
	parseFolder,
	parseFolders,
	parseHolidays,
	parseMarker,
	parseTimeOfDay,
	parseVaultIcsPath,
	parseWorkWeek,
	type Parsed,
} from '../core/settings';

type TextKey = keyof Settings;

export class FollowUpsSettingTab extends PluginSettingTab {
	/** The text fields by setting, so tests (and refreshes) can reach them. */
	readonly inputs = new Map<TextKey, TextComponent | TextAreaComponent>();
	readonly errors = new Map<TextKey, HTMLElement>();
	readonly toggles = new Map<TextKey, ToggleComponent>();

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

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		this.inputs.clear();
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
		this.area(containerEl, 'interviewFolders', 'Interview folders', 'Every note in these folders is an interview note. One folder per line.', s.interviewFolders.join('\n'), parseFolders, true);
		this.area(containerEl, 'excludedFolders', 'Excluded folders', 'Notes in these folders are never interview notes. The templates folders of Obsidian, Templater and this plugin are left out anyway. One folder per line.', s.excludedFolders.join('\n'), parseFolders, true);

		new Setting(containerEl).setName('Calendar').setHeading();
		this.text(containerEl, 'workWeek', 'Work days', 'The days you count as business days, e.g. Mon, Tue, Wed, Thu, Fri.', formatWorkWeek(s.workWeek), parseWorkWeek);
		this.area(containerEl, 'holidays', 'Holidays', 'Days that are not business days, as YYYY-MM-DD, one per line.', s.holidays.join('\n'), parseHolidays);

		new Setting(containerEl).setName('Schedule').setHeading();
		this.count(containerEl, 'thankYouBusinessDays', 'Thank-you within', 'Business days after an interview to send the thank-you note.');
		this.count(containerEl, 'cadenceMin', 'Status check after at least', 'Days between two status checks, at the earliest.');
		this.count(containerEl, 'cadenceMax', 'Status check after at most', 'Days between two status checks, at the latest.');
		this.count(containerEl, 'minActive', 'Active applications to keep', 'Below this many active applications, the list says to keep looking.');
		this.count(containerEl, 'withinDays', 'Look ahead', 'Days ahead the upcoming group shows.');

		new Setting(containerEl).setName('Notes and templates').setHeading();
		this.text(containerEl, 'templatesFolder', 'Templates folder', 'Your own templates, one file per kind: thank-you.md, status-check.md, reference-alert.md, referral-request.md, interview.md. Empty: the built-in ones.', s.templatesFolder, parseFolder, true);
		this.text(containerEl, 'newNoteFolder', 'New note folder', 'Where new interview notes are created.', s.newNoteFolder, parseFolder);
		this.text(containerEl, 'userName', 'Your name', 'Signs the notes the templates fill in.', s.userName ?? '', (v) => ({ ok: true, value: v.trim() }));
		this.text(containerEl, 'userPhone', 'Your phone number', 'Offered in the notes.', s.userPhone ?? '', (v) => ({ ok: true, value: v.trim() }));

		new Setting(containerEl)
			.setName("Today's work first")
			.setDesc('In the follow-ups view, list what to do now above the overdue ones, so that a backlog does not bury today.')
			.addToggle((t) => {
				t.setValue(this.host.viewPrefs.todayFirst).onChange((v) => {
					this.host.viewPrefs.todayFirst = v;
					void this.host.saveViewPrefs().then(() => this.host.onSettingsChanged(false));
				});
				this.toggles.set('todayFirst' as TextKey, t);
			});

		new Setting(containerEl)
			.setName('Notice at start-up')
			.setDesc('Show a notice when Obsidian starts and follow-ups are overdue.')
			.addToggle((t) => {
				t.setValue(s.notifyOnStartup).onChange((v) => {
					this.host.settings.notifyOnStartup = v;
					void this.host.saveSettings();
				});
				this.toggles.set('notifyOnStartup', t);
			});

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
			new Setting(containerEl)
				.setName('Daily notification')
				.setDesc('Once a day, a system notification of what is due today and overdue. Click it to open the follow-ups view.')
				.addToggle((t) => {
					t.setValue(s.dailyNotification).onChange((v) => {
						this.host.settings.dailyNotification = v;
						void this.host.saveSettings();
					});
					this.toggles.set('dailyNotification', t);
				});
		}
		this.text(containerEl, 'notificationTime', 'Reminder time', 'The time of day (HH:MM) of the daily notification and of the calendar alarms.', s.notificationTime, parseTimeOfDay);
	}

	private errorEl(setting: Setting, key: TextKey): HTMLElement {
		const el = setting.descEl.createDiv({ cls: 'ifu-error' });
		this.errors.set(key, el);
		return el;
	}

	/** Checks a typed value; saves it when good, shows the problem when not. */
	apply<T>(key: TextKey, parsed: Parsed<T>, classifier = false): boolean {
		const err = this.errors.get(key);
		if (!parsed.ok) {
			err?.setText(parsed.message);
			return false;
		}
		err?.setText('');
		const settings = this.host.settings as unknown as Record<string, unknown>;
		if (key === 'cadenceMin' || key === 'cadenceMax') {
			const min = key === 'cadenceMin' ? (parsed.value as number) : this.host.settings.cadenceMin;
			const max = key === 'cadenceMax' ? (parsed.value as number) : this.host.settings.cadenceMax;
			if (max < min) {
				err?.setText(`At most (${max}) must not be below at least (${min}).`);
				return false;
			}
			for (const k of ['cadenceMin', 'cadenceMax'] as const) this.errors.get(k)?.setText('');
		}
		settings[key] = parsed.value;
		void this.host.saveSettings().then(() => this.host.onSettingsChanged(classifier));
		return true;
	}

	private text<T>(el: HTMLElement, key: TextKey, name: string, desc: string, value: string, parse: (v: string) => Parsed<T>, classifier = false): void {
		const setting = new Setting(el).setName(name).setDesc(desc);
		this.errorEl(setting, key);
		setting.addText((t) => {
			t.setValue(value);
			t.onChange((v) => this.apply(key, parse(v), classifier));
			this.inputs.set(key, t);
		});
	}

	private area<T>(el: HTMLElement, key: TextKey, name: string, desc: string, value: string, parse: (v: string) => Parsed<T>, classifier = false): void {
		const setting = new Setting(el).setName(name).setDesc(desc);
		this.errorEl(setting, key);
		setting.addTextArea((t) => {
			t.setValue(value);
			t.onChange((v) => this.apply(key, parse(v), classifier));
			this.inputs.set(key, t);
		});
	}

	private count(el: HTMLElement, key: TextKey, name: string, desc: string): void {
		const [min, max] = countLimits(key);
		this.text(el, key, name, desc, String(this.host.settings[key] as number), (v) => parseCount(v, min, max));
	}
}

/**
 * Interview Follow-ups for Obsidian: reads the interview notes of the vault
 * and says, day by day, whom to thank and whom to call.
 *
 * `onload` only registers things and reads the settings; the index is built
 * once the workspace layout is ready, in time slices (indexer.ts).
 */
import { Notice, Platform, Plugin, TFile, TFolder, debounce, normalizePath, type WorkspaceLeaf } from 'obsidian';
import type { Settings } from '../core/types';
import { CalendarFileKeeper } from './calendar';
import { CODE_BLOCK_LANGUAGE, codeBlockProcessor } from './codeBlock';
import { DailyNotice } from './dailyNotice';
import { allCommands } from './commands/index';
import { buildTemplateContext, renderTemplate } from '../core/templates';
import { RowActions } from './rowActions';
import type { PluginHost } from './host';
import { FollowUpIndexer } from './indexer';
import { dueCounts } from './presenters/dueList';
import { settingsData, validateSettings } from '../core/settings';
import { FollowUpsSettingTab } from './settingsTab';
import { StatusBar } from './statusBar';
import { FollowUpsView, VIEW_ICON, VIEW_TYPE, type ViewPrefs } from './view';
import { PIPELINE_VIEW_TYPE, PipelineView } from './pipelineView';
import { registerFollowUpsBasesView } from './bases';
import { NoteWriter } from './writer';

/** Where data.json keeps the view's state: not a setting, so the command line leaves it alone. */
const VIEW_PREFS_KEY = 'followUpsView';

function readViewPrefs(raw: unknown): ViewPrefs {
	const prefs: ViewPrefs = { collapsed: {}, todayFirst: false };
	if (raw === null || typeof raw !== 'object') return prefs;
	const r = raw as Record<string, unknown>;
	if (r['collapsed'] !== null && typeof r['collapsed'] === 'object') {
		for (const [k, v] of Object.entries(r['collapsed'] as Record<string, unknown>)) if (typeof v === 'boolean') prefs.collapsed[k] = v;
	}
	if (typeof r['todayFirst'] === 'boolean') prefs.todayFirst = r['todayFirst'];
	return prefs;
}

/** data.json key of the day the daily notification was last shown. */
const LAST_NOTIFIED_KEY = 'lastNotified';

export default class InterviewFollowupsPlugin extends Plugin implements PluginHost {
	settings!: Settings;
	/** Values of data.json that could not be used (shown in the settings tab). */
	settingsProblems: string[] = [];
	private extraData: Record<string, unknown> = {};
	private settingTab!: FollowUpsSettingTab;
	viewPrefs: ViewPrefs = { collapsed: {}, todayFirst: false };
	indexer!: FollowUpIndexer;
	writer!: NoteWriter;
	followUps!: RowActions;
	private statusBar!: StatusBar;
	private lastTick = { date: '', at: 0 };
	/** Keeps the "Calendar file" setting's file up to date. */
	calendarFile!: CalendarFileKeeper;
	/** The once-a-day desktop notification. */
	dailyNotice!: DailyNotice;
	/** Settles once the first index is built (after the layout is ready). */
	started: Promise<void> | null = null;
	private readonly rebuildSoon = debounce(() => void this.indexer.build(), 800, true);

	override async onload(): Promise<void> {
		await this.loadSettings();
		this.writer = new NoteWriter(this.app);
		this.followUps = new RowActions(this);
		this.indexer = new FollowUpIndexer({ app: this.app, settings: () => this.settings, registerEvent: (ref) => this.registerEvent(ref) });

		this.registerView(VIEW_TYPE, (leaf) => new FollowUpsView(leaf, this));
		this.registerView(PIPELINE_VIEW_TYPE, (leaf) => new PipelineView(leaf, this));
		// Bases views need Obsidian 1.10; older apps skip it.
		registerFollowUpsBasesView(this, this);
		this.registerHoverLinkSource(VIEW_TYPE, { display: 'Interview follow-ups', defaultMod: true });
		this.addRibbonIcon(VIEW_ICON, 'Open interview follow-ups', () => void this.activateView());
		this.statusBar = new StatusBar(this.addStatusBarItem(), this);
		this.statusBar.render();
		for (const command of allCommands(this)) this.addCommand(command);
		this.settingTab = new FollowUpsSettingTab(this.app, this, this);
		this.addSettingTab(this.settingTab);
		this.registerMarkdownCodeBlockProcessor(CODE_BLOCK_LANGUAGE, codeBlockProcessor(this));
		this.calendarFile = new CalendarFileKeeper(this);
		this.dailyNotice = new DailyNotice({
			settings: () => this.settings,
			isDesktop: Platform.isDesktopApp,
			schedule: () => this.indexer.schedule,
			now: () => new Date(),
			lastNotified: () => (typeof this.extraData[LAST_NOTIFIED_KEY] === 'string' ? (this.extraData[LAST_NOTIFIED_KEY]) : null),
			markNotified: async (day) => {
				this.extraData[LAST_NOTIFIED_KEY] = day;
				await this.saveSettings();
			},
			openView: () => this.activateView(),
		});
		const stop = this.indexer.onChange(() => {
			this.statusBar.render();
			if (this.settings.calendarFile !== '') this.calendarFile.update();
		});
		this.register(() => {
			stop();
			this.calendarFile.update.cancel();
			this.indexer.dispose();
			this.rebuildSoon.cancel();
		});
		this.app.workspace.onLayoutReady(() => {
			this.started = this.start();
		});
	}

	/** Builds the index and starts following the vault (after the layout is ready). */
	async start(): Promise<void> {
		this.indexer.follow();
		this.registerEvent(
			this.app.workspace.on('editor-change', (_editor, info) => {
				if (info.file) this.writer.noteTyping(info.file.path);
			}),
		);
		await this.indexer.build();
		this.lastTick = { date: this.indexer.now().date, at: Date.now() };
		this.registerInterval(window.setInterval(() => this.tick(), 60_000));
		const schedule = this.indexer.schedule;
		// On desktop, a start after the notification time notifies once; no notice besides.
		if (this.dailyNotice.check()) return;
		if (this.settings.notifyOnStartup && schedule) {
			const { overdue } = dueCounts(schedule);
			if (overdue > 0) {
				new Notice(`${overdue} interview follow-up${overdue === 1 ? ' is' : 's are'} overdue. Open the follow-ups view to see what to do.`);
			}
		}
	}

	/** Once a minute: a new day, or ten minutes gone (an interview later today may have happened), recomputes. */
	tick(): void {
		if (!this.indexer.ready) return;
		this.dailyNotice.check();
		void this.indexer.followAppConfigs();
		const date = this.indexer.now().date;
		const now = Date.now();
		if (date !== this.lastTick.date || now - this.lastTick.at >= 10 * 60_000) {
			this.lastTick = { date, at: now };
			this.indexer.recompute();
		}
	}

	async loadSettings(): Promise<void> {
		const loaded = validateSettings(await this.loadData());
		this.settings = loaded.settings;
		this.settingsProblems = loaded.problems;
		this.extraData = loaded.extra;
		this.viewPrefs = readViewPrefs(this.extraData[VIEW_PREFS_KEY]);
	}

	async saveViewPrefs(): Promise<void> {
		this.extraData[VIEW_PREFS_KEY] = this.viewPrefs;
		await this.saveSettings();
	}

	/** data.json changed outside the app (a sync, the command line): read it again and redraw. */
	override async onExternalSettingsChange(): Promise<void> {
		const before = JSON.stringify(this.settings);
		const classifier = (s: Settings) => JSON.stringify([s.interviewType, s.interviewTag, s.interviewFolders]);
		const oldClassifier = classifier(this.settings);
		await this.loadSettings();
		if (JSON.stringify(this.settings) !== before) this.onSettingsChanged(classifier(this.settings) !== oldClassifier);
		for (const leaf of this.app.workspace.getLeavesOfType(VIEW_TYPE)) if (leaf.view instanceof FollowUpsView) leaf.view.render();
		// An open settings tab shows the new values, not the ones it was opened with.
		if (this.settingTab.shown) this.settingTab.display();
	}

	async saveSettings(): Promise<void> {
		await this.saveData(settingsData(this.settings, this.extraData));
	}

	/** After a setting changed: what marks an interview note needs a new index, the rest a new schedule. */
	onSettingsChanged(classifierChanged: boolean): void {
		if (!this.indexer.ready) return;
		if (classifierChanged) this.rebuildSoon();
		else this.indexer.recompute();
	}

	async activateView(): Promise<void> {
		const { workspace } = this.app;
		let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(VIEW_TYPE)[0] ?? null;
		if (!leaf) {
			leaf = workspace.getRightLeaf(false);
			if (!leaf) return;
			await leaf.setViewState({ type: VIEW_TYPE, active: true });
		}
		// Workspace.revealLeaf needs Obsidian 1.7.2; this does the same on 1.4.
		if (leaf.getRoot() === workspace.rightSplit && workspace.rightSplit.collapsed) workspace.rightSplit.expand();
		workspace.setActiveLeaf(leaf, { focus: true });
	}

	async activatePipelineView(): Promise<void> {
		const { workspace } = this.app;
		let leaf: WorkspaceLeaf | null = workspace.getLeavesOfType(PIPELINE_VIEW_TYPE)[0] ?? null;
		if (!leaf) {
			leaf = workspace.getLeaf('tab');
			await leaf.setViewState({ type: PIPELINE_VIEW_TYPE, active: true });
		}
		workspace.setActiveLeaf(leaf, { focus: true });
	}

	/** Creates a note from the interview template in the new-note folder, and opens it. */
	async newInterviewNote(): Promise<TFile | null> {
		const today = this.followUps.today();
		const context = buildTemplateContext({ today, settings: this.settings });
		const r = renderTemplate('interview', context, {
			userTemplates: await this.followUps.userTemplates(),
			templatesFolder: this.settings.templatesFolder,
		});
		for (const d of r.diagnostics) new Notice(`${d.note}: ${d.message}`);
		const folder = this.settings.newNoteFolder === '' ? '' : normalizePath(this.settings.newNoteFolder);
		if (folder !== '' && !(this.app.vault.getAbstractFileByPath(folder) instanceof TFolder)) await this.app.vault.createFolder(folder);
		const base = `${folder === '' ? '' : `${folder}/`}${today} Interview`;
		let path = `${base}.md`;
		for (let n = 2; this.app.vault.getAbstractFileByPath(path); n++) path = `${base} ${n}.md`;
		const file = await this.app.vault.create(path, r.markdown);
		await this.app.workspace.getLeaf(false).openFile(file);
		return file;
	}
}

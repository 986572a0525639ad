/**
 * Desktop notifications: once a day, at the chosen time (default 09:00), or
 * at the first check after it when Obsidian starts later, one notification
 * listing what is overdue and to do now; clicking it opens the view. Never
 * twice for the same day (the day is kept in data.json). On mobile there is
 * no system notification: the start-up notice is the fallback there.
 */
import { Notice } from 'obsidian';
import { localNow } from '../core/dates';
import type { Action, Settings } from '../core/types';
import type { Schedule } from '../core/rules/model';
import { actionSentence, contextText, countsText } from './presenters/dueList';

export interface DailyNoticeHost {
	settings(): Settings;
	/** `Platform.isDesktopApp`. */
	isDesktop: boolean;
	schedule(): Schedule | null;
	/** The clock (tests pin it). */
	now(): Date;
	/** The day of the last notification, or null. */
	lastNotified(): string | null;
	markNotified(day: string): Promise<void>;
	openView(): Promise<void>;
}

/** How it is shown: the system notification, else a notice. Tests replace it. */
export type Show = (title: string, lines: string[], onClick: () => void) => void;

/** What the notification lists: what is overdue and what is to do now (the view's groups), most urgent first. */
export function dueNow(schedule: Schedule): Action[] {
	return schedule.actions.filter((a) => a.state !== 'upcoming');
}

function line(a: Action): string {
	const where = contextText(a.company, a.role);
	return `${a.state === 'overdue' ? 'Overdue: ' : ''}${actionSentence(a)}${where ? ` (${where})` : ''}`;
}

/** The notification's title and at most five lines, the rest counted. */
export function noticeText(actions: readonly Action[]): { title: string; lines: string[] } {
	const overdue = actions.filter((a) => a.state === 'overdue').length;
	const lines = actions.slice(0, 5).map(line);
	if (actions.length > 5) lines.push(`and ${actions.length - 5} more`);
	return { title: `Interview follow-ups: ${countsText({ overdue, due: actions.length - overdue })}`, lines };
}

/** The system notification (Electron grants it on desktop); a notice where it is missing or refused. */
export const showNotification: Show = (title, lines, onClick) => {
	if (typeof Notification !== 'undefined' && Notification.permission !== 'denied') {
		const n = new Notification(title, { body: lines.join('\n') });
		n.onclick = () => {
			window.focus();
			onClick();
		};
		return;
	}
	// A notice hides when clicked; its text opens the view as it does.
	const text = createFragment((f) => {
		const el = f.createDiv({ text: `${title}\n${lines.join('\n')}` });
		el.addEventListener('click', onClick);
	});
	new Notice(text, 0);
};

export class DailyNotice {
	constructor(
		private readonly host: DailyNoticeHost,
		private readonly show: Show = showNotification,
	) {}

	/** Whether daily notifications apply here: on desktop, when the setting is on. */
	enabled(): boolean {
		return this.host.isDesktop && this.host.settings().dailyNotification;
	}

	/**
	 * Notifies if it is time: enabled, at or after the chosen time, not yet
	 * today, and something is due or overdue. Returns whether it notified.
	 */
	check(): boolean {
		if (!this.enabled()) return false;
		const { date, time } = localNow(this.host.now());
		if (time.slice(0, 5) < this.host.settings().notificationTime) return false;
		if (this.host.lastNotified() === date) return false;
		const schedule = this.host.schedule();
		if (schedule === null) return false;
		const actions = dueNow(schedule);
		// Nothing to say: no notification, and a later check today may still find something.
		if (actions.length === 0) return false;
		void this.host.markNotified(date);
		const { title, lines } = noticeText(actions);
		this.show(title, lines, () => void this.host.openView());
		return true;
	}
}

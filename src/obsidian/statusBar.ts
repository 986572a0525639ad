/**
 * The status bar item: how many follow-ups are overdue and due; a click opens the view.
 */
import type { PluginHost } from './host';
import { dueCounts, statusText } from './presenters/dueList';

export class StatusBar {
	constructor(
		private readonly el: HTMLElement,
		private readonly host: PluginHost,
	) {
		el.addClass('ifu-status', 'mod-clickable');
		el.setAttribute('aria-label', 'Open interview follow-ups');
		el.addEventListener('click', () => void host.activateView());
	}

	render(): void {
		const schedule = this.host.indexer.schedule;
		if (!this.host.indexer.ready || schedule === null) {
			this.el.setText('Follow-ups: reading notes…');
			return;
		}
		const counts = dueCounts(schedule);
		this.el.setText(statusText(counts));
		this.el.toggleClass('ifu-status-overdue', counts.overdue > 0);
	}
}

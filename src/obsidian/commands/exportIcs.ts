/**
 * "Export the due list as a calendar file": writes `Interview follow-ups.ics`
 * at the root of the vault (one all-day entry per action, on its due date).
 */
import { Notice, TFile, type Command } from 'obsidian';
import { actionsToIcs } from '../../core/ics';
import { selectWithin } from '../engine';
import type { PluginHost } from '../host';
import { actionSentence, contextText } from '../presenters/dueList';

export const ICS_PATH = 'Interview follow-ups.ics';

export async function exportIcs(host: PluginHost): Promise<string | null> {
	const schedule = host.indexer.schedule;
	if (!schedule) {
		new Notice('The follow-ups are still being read; try again in a moment.');
		return null;
	}
	const actions = selectWithin(schedule.actions, schedule.today, host.settings.withinDays);
	const r = actionsToIcs(actions, {
		title: (a) => {
			const where = contextText(a.company, a.role);
			return where ? `${actionSentence(a)} (${where})` : actionSentence(a);
		},
	});
	if (!r.ok) {
		new Notice(`Could not export the calendar: ${r.message}`);
		return null;
	}
	const existing = host.app.vault.getAbstractFileByPath(ICS_PATH);
	if (existing instanceof TFile) await host.app.vault.modify(existing, r.text);
	else await host.app.vault.create(ICS_PATH, r.text);
	new Notice(`Exported ${actions.length} follow-ups to ${ICS_PATH}.`);
	return ICS_PATH;
}

export function exportIcsCommand(host: PluginHost): Command {
	return {
		id: 'export-calendar',
		name: 'Export the due list as a calendar file',
		callback: () => void exportIcs(host),
	};
}

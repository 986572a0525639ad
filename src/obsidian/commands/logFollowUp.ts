/**
 * "Log a follow-up for the current note": pick one of the application's open
 * actions (or "other contact with the employer") and log it as done today.
 */
import { Notice, type Command } from 'obsidian';
import type { Action } from '../../core/types';
import { formatLogEntry } from '../../core/logEntries';
import type { PluginHost } from '../host';
import { actionSentence } from '../presenters/dueList';
import { ChoiceModal } from '../ui/modals';
import { applicationOf } from './insertTemplate';

type Pick = { action: Action } | { contact: true };

export function logChoices(host: PluginHost, path: string): { label: string; value: Pick }[] {
	const app = applicationOf(host, path);
	const actions = (host.indexer.schedule?.actions ?? []).filter(
		(a) => a.kind !== 'keep-looking' && (a.note === path || (app !== null && a.application === app.id)),
	);
	return [
		...actions.map((a) => ({ label: `${actionSentence(a)} (${a.state}, due ${a.due})`, value: { action: a } })),
		{ label: 'Other contact with the employer', value: { contact: true } },
	];
}

export function logFollowUpCommand(host: PluginHost): Command {
	return {
		id: 'log-follow-up',
		name: 'Log a follow-up for the current note',
		checkCallback: (checking: boolean) => {
			const file = host.app.workspace.getActiveFile();
			if (!file || file.extension !== 'md') return false;
			const isInterview = host.indexer.index.note(file.path)?.isInterview ?? false;
			if (checking) return isInterview;
			if (!isInterview) {
				new Notice('This is not an interview note.');
				return true;
			}
			new ChoiceModal(
				host.app,
				logChoices(host, file.path),
				(pick) => {
					// An action is logged as Done logs it (with the status it counts from, when undated).
					if ('action' in pick) void host.followUps.done(pick.action, false);
					else void host.followUps.log(file.path, formatLogEntry({ date: host.followUps.today(), kind: 'contact', person: null }));
				},
				'What did you do?',
			).open();
			return true;
		},
	};
}

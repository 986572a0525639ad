import { Notice, type Command } from 'obsidian';
import type { PluginHost } from '../host';

export async function rebuildIndex(host: PluginHost): Promise<void> {
	const stats = await host.indexer.build();
	const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
	new Notice(`Read ${n(stats.interviewNotes, 'interview note')} and ${n(stats.personNotes, 'person note')}.`);
}

export function rebuildIndexCommand(host: PluginHost): Command {
	return {
		id: 'rebuild-index',
		name: 'Rebuild the follow-up index',
		callback: () => void rebuildIndex(host),
	};
}

import type { Command } from 'obsidian';
import type { PluginHost } from '../host';
import { insertTemplateCommand } from './insertTemplate';

export function insertReferenceHeadsUpCommand(host: PluginHost): Command {
	return insertTemplateCommand(host, 'reference-alert', 'insert-reference-heads-up', 'Insert a reference heads-up');
}

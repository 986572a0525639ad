import type { Command } from 'obsidian';
import type { PluginHost } from '../host';
import { insertTemplateCommand } from './insertTemplate';

export function insertStatusCheckCommand(host: PluginHost): Command {
	return insertTemplateCommand(host, 'status-check', 'insert-status-check', 'Insert a status check');
}

/**
 * Command-line arguments: which command, its options, its help text.
 *
 * Parsing is node's `util.parseArgs`, strict: an unknown option, a missing
 * value or a stray argument is a `UsageError` (exit 2, one line on stderr
 * saying what is wrong and what to do).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const PROGRAM = 'interview-followups';

/** Exit 2: the command could not run. The message is one line: what is wrong; what to do. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

/** The `code` of a Node system error (`ENOENT`, `EACCES` …), if any. */
export function errnoCode(e: unknown): string | undefined {
	const code = e !== null && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
	return typeof code === 'string' ? code : undefined;
}

export type CommandName = 'due' | 'watch' | 'check' | 'log' | 'snooze' | 'template' | 'report' | 'feed';
export const COMMANDS: readonly CommandName[] = ['due', 'watch', 'check', 'log', 'snooze', 'template', 'report', 'feed'];

type OptionSpec = {
	type: 'string' | 'boolean';
	multiple?: boolean;
	short?: string;
	/** `--today YYYY-MM-DD`: the value's placeholder in help. */
	value?: string;
	help: string;
};

const TODAY: OptionSpec = {
	type: 'string',
	value: 'YYYY-MM-DD',
	help: 'compute the schedule as of the end of this day (default: now, on the local clock)',
};
const WITHIN: OptionSpec = {
	type: 'string',
	value: 'DAYS',
	help: 'also list upcoming actions starting at most DAYS after today (default: the withinDays setting, 7)',
};
const JSON_OPT: OptionSpec = { type: 'boolean', help: 'machine-readable output: one JSON document {today, actions, diagnostics}' };
const FOLDER: OptionSpec = {
	type: 'string',
	multiple: true,
	value: 'DIR',
	help: 'treat every note under DIR (relative to the vault) as an interview note; may repeat',
};
const EXCLUDE: OptionSpec = {
	type: 'string',
	multiple: true,
	value: 'DIR',
	help: 'never read notes under DIR as interview notes; may repeat (templates folders are always left out)',
};
const VAULT: OptionSpec = { type: 'string', value: 'VAULT', help: 'the vault folder (default: the current folder)' };
const HELP: OptionSpec = { type: 'boolean', short: 'h', help: 'show this help' };
const FORCE: OptionSpec = { type: 'boolean', help: 'write anyway: into a note that is not an interview note, a person as typed (log: a date after today)' };
const NOTE_DETAILS = 'NOTE is the note path relative to the vault (as `note` in `due --json`); an absolute path inside the vault works too.\n';
const PERSON_DETAILS =
	'Unless --force: NOTE must be an interview note, and PERSON a person of its application, by full name or by a\n' +
	'first or last name only one of them has; the entry spells the name as the notes do.';
const CONFIG_DIR: OptionSpec = {
	type: 'string',
	value: 'DIR',
	help: "Obsidian's configuration folder in the vault, if not the default one (its plugin settings are read)",
};
/** The options of the commands that write into a note (`log`, `snooze`). */
const WRITE_OPTIONS: Record<string, OptionSpec> = {
	vault: VAULT,
	force: FORCE,
	'dry-run': { type: 'boolean', help: 'print the entry and the note it would go in; write nothing' },
	folder: FOLDER,
	exclude: EXCLUDE,
	'config-dir': CONFIG_DIR,
	help: HELP,
};

interface CommandSpec {
	usage: string;
	summary: string;
	/** Positional arguments: [min, max]. */
	positionals: [number, number];
	options: Record<string, OptionSpec>;
	details?: string;
}

export const SPECS: Record<CommandName, CommandSpec> = {
	due: {
		usage: `${PROGRAM} due [VAULT] [options]`,
		summary: 'print the actions, most urgent first',
		positionals: [0, 1],
		options: {
			today: TODAY,
			within: WITHIN,
			json: JSON_OPT,
			ics: { type: 'boolean', help: 'print an iCalendar (RFC 5545): one all-day entry per action on its due date, with a reminder' },
			folder: FOLDER,
			exclude: EXCLUDE,
			vault: VAULT,
			why: { type: 'boolean', help: 'say for each action why (which advice it follows)' },
			'config-dir': CONFIG_DIR,
			help: HELP,
		},
		details:
			'Groups: Overdue (past the due date), Due (between earliest and due), Upcoming (starting within DAYS).\n' +
			'Problems in notes are reported too; a broken note never hides the others.\n' +
			'Exit status: 0 when the list was printed (even if notes have problems), 2 when it could not run.',
	},
	watch: {
		usage: `${PROGRAM} watch [VAULT] [options]`,
		summary: 'print the list, then a fresh one each time the vault changes, until interrupted',
		positionals: [0, 1],
		options: {
			today: TODAY,
			within: WITHIN,
			json: { ...JSON_OPT, help: 'one JSON document per line, one per change' },
			ics: { type: 'string', value: 'FILE', help: 'also keep FILE an iCalendar of the list, rewritten atomically on every change' },
			folder: FOLDER,
			exclude: EXCLUDE,
			vault: VAULT,
			why: { type: 'boolean', help: 'say for each action why' },
			'config-dir': CONFIG_DIR,
			help: HELP,
		},
		details:
			'Reads only the notes that changed. Ignores dot-folders (the configuration folder, .git/, .trash/) and node_modules/.\n' +
			'Reloads the plugin settings when they change. Stop it with Ctrl+C.',
	},
	check: {
		usage: `${PROGRAM} check [VAULT] [options]`,
		summary: 'print every problem found in the notes; exit 1 if any is an error',
		positionals: [0, 1],
		options: { today: TODAY, within: WITHIN, json: JSON_OPT, folder: FOLDER, exclude: EXCLUDE, vault: VAULT, 'config-dir': CONFIG_DIR, help: HELP },
		details: 'Each problem is printed as NOTE:LINE: severity: message.\nExit status: 0 no error (warnings allowed), 1 some error, 2 could not run.',
	},
	log: {
		usage: `${PROGRAM} log NOTE KIND [PERSON] [--date YYYY-MM-DD] [--vault VAULT]`,
		summary: "append 'DATE KIND: PERSON' to the note's follow_ups",
		positionals: [2, 3],
		options: {
			date: { type: 'string', value: 'YYYY-MM-DD', help: 'the day it was done (default: today; not after today)' },
			text: { type: 'string', value: 'TEXT', help: "a free-text remark, written after ' — '" },
			...WRITE_OPTIONS,
		},
		details:
			NOTE_DETAILS +
			'KIND: thank-you, reference-alert, ask-timeline, status-check, referral-request, collect-names, contact,\n' +
			'      find-contact, prepare, answer-offer, withdraw, rejected, offer, hired, withdrawn.\n' +
			'Only the follow_ups list changes: the body and every other key stay byte for byte. The file is replaced\n' +
			'atomically; if the note changes on disk meanwhile, nothing is written (exit 2).\n' +
			'referral-request, answer-offer and withdraw count from the rejection, the offer or the hire: when no entry\n' +
			'dates that status, log records it too (e.g. "2026-11-13 rejected", the date the schedule used), so it stays put.\n' +
			PERSON_DETAILS,
	},
	snooze: {
		usage: `${PROGRAM} snooze NOTE KIND [PERSON] --until YYYY-MM-DD [--vault VAULT]`,
		summary: "hide a follow-up until a day: append 'DATE KIND: PERSON' to the note's snoozed list",
		positionals: [2, 3],
		options: {
			until: { type: 'string', value: 'YYYY-MM-DD', help: 'the day the follow-up comes back (after today)' },
			...WRITE_OPTIONS,
		},
		details:
			NOTE_DETAILS +
			'KIND: an action kind of due --json (thank-you, status-check, reference-alert, ...); without PERSON the\n' +
			'      follow-up is snoozed for everyone of the application. Writes as the plugin\'s Snooze does, with the\n' +
			'      checks and the safe replacement of log.\n' +
			PERSON_DETAILS,
	},
	feed: {
		usage: `${PROGRAM} feed [VAULT] [--port N]`,
		summary: 'serve the calendar at http://127.0.0.1:N/followups.ics, computed afresh at every request, until interrupted',
		positionals: [0, 1],
		options: {
			port: { type: 'string', value: 'N', help: "the port on 127.0.0.1 (default 8737; 0 picks a free one)" },
			today: TODAY,
			within: WITHIN,
			folder: FOLDER,
			exclude: EXCLUDE,
			vault: VAULT,
			'config-dir': CONFIG_DIR,
			help: HELP,
		},
		details:
			'Subscribe to the URL it prints in Apple Calendar, Thunderbird or Outlook; they fetch it again every hour.\n' +
			'Listens on 127.0.0.1 only and answers only GET and HEAD of /followups.ics. Stop it with Ctrl+C.',
	},
	report: {
		usage: `${PROGRAM} report [VAULT] [options]`,
		summary: "the pipeline: each application's stage, dates and figures, and the totals",
		positionals: [0, 1],
		options: {
			today: { ...TODAY, help: 'compute the figures as of the end of this day (default: now, on the local clock)' },
			json: { type: 'boolean', help: 'machine-readable output: one JSON document {today, applications, totals, references}' },
			folder: FOLDER,
			exclude: EXCLUDE,
			vault: VAULT,
			'config-dir': CONFIG_DIR,
			help: HELP,
		},
		details:
			'A row per application, grouped by stage: rounds, first and latest interview, the decision date and when it came,\n' +
			'follow-ups (on time), replies, the last contact, status checks without a reply, and the next action.\n' +
			'Below: the totals and rates, and how often each reference was alerted. Rates are blank where nothing is counted yet.',
	},
	template: {
		usage: `${PROGRAM} template KIND --note NOTE [--person NAME] [--vault VAULT] [--templates DIR]\n       ${PROGRAM} template --action ID [--vault VAULT]`,
		summary:
			'print a filled template (thank-you, ask-timeline, status-check, reference-alert, referral-request, withdraw, prepare, interview), or the message for one action of due --json',
		positionals: [0, 1],
		options: {
			note: { type: 'string', value: 'NOTE', help: 'the interview note it is about (relative to the vault)' },
			action: { type: 'string', value: 'ID', help: 'the message for the action of this id in due --json (a thank-you and an ask-timeline for one person come as one)' },
			person: { type: 'string', value: 'NAME', help: 'whom it is for (default: the person the schedule names, else the first one fitting)' },
			templates: { type: 'string', value: 'DIR', help: 'your templates folder, one KIND.md per kind (default: the templatesFolder setting)' },
			today: { type: 'string', value: 'YYYY-MM-DD', help: 'the date the template speaks of as today (default: today)' },
			folder: FOLDER,
			exclude: EXCLUDE,
			vault: VAULT,
			json: { type: 'boolean', help: 'print {kind, note, person, subject, body, markdown, mailto, source} as JSON' },
			'config-dir': CONFIG_DIR,
			help: HELP,
		},
	},
};

export interface Parsed {
	command: CommandName;
	positionals: string[];
	values: Record<string, string | boolean | string[] | undefined>;
}

export type Invocation =
	| { kind: 'help'; text: string }
	| { kind: 'version' }
	| { kind: 'run'; parsed: Parsed };

export function mainHelp(): string {
	const lines = [
		`${PROGRAM}: whom to thank and whom to call after your interviews, from the notes in an Obsidian vault.`,
		'',
		'Usage:',
		...COMMANDS.map((c) => `  ${SPECS[c].usage}`),
		'',
		'Commands:',
		...COMMANDS.map((c) => `  ${c.padEnd(9)} ${SPECS[c].summary}`),
		'',
		`Run '${PROGRAM} COMMAND --help' for the options of a command.`,
		"Settings are read from the plugin's data.json in the vault's configuration folder when present; options win.",
		'Colour is used only on a terminal, never with NO_COLOR set.',
		'Exit status: 0 done, 1 check found an error, 2 could not run.',
	];
	return `${lines.join('\n')}\n`;
}

export function commandHelp(command: CommandName): string {
	const spec = SPECS[command];
	const rows = Object.entries(spec.options).map(([name, o]) => {
		const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.value ? ` ${o.value}` : ''}`;
		return `  ${flag.padEnd(28)} ${o.help}`;
	});
	const lines = [`Usage: ${spec.usage}`, '', `${spec.summary[0].toUpperCase()}${spec.summary.slice(1)}.`, '', 'Options:', ...rows];
	if (spec.details) lines.push('', spec.details);
	return `${lines.join('\n')}\n`;
}

function distance(a: string, b: string): number {
	const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let prev = dp[0];
		dp[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = dp[j];
			dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = tmp;
		}
	}
	return dp[b.length];
}

function closest(word: string, candidates: readonly string[]): string | null {
	let best: string | null = null;
	let bestD = Infinity;
	for (const c of candidates) {
		const d = distance(word, c);
		if (d < bestD) {
			bestD = d;
			best = c;
		}
	}
	return best !== null && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

/** Parses `argv` (without node and the script). Throws UsageError. */
export function parseCommandLine(argv: readonly string[]): Invocation {
	const [first, ...rest] = argv;
	if (first === undefined) {
		throw new UsageError(`no command given; run '${PROGRAM} --help' for the commands (${COMMANDS.join(', ')})`);
	}
	if (first === '--help' || first === '-h' || first === 'help') {
		const topic = rest[0];
		if (topic !== undefined && (COMMANDS as readonly string[]).includes(topic)) return { kind: 'help', text: commandHelp(topic as CommandName) };
		return { kind: 'help', text: mainHelp() };
	}
	if (first === '--version' || first === '-V') return { kind: 'version' };
	if (!(COMMANDS as readonly string[]).includes(first)) {
		const guess = first.startsWith('-') ? null : closest(first, COMMANDS);
		const hint = guess ? `did you mean '${guess}'? ` : '';
		const what = first.startsWith('-') ? `option '${first}' before a command` : `unknown command '${first}'`;
		throw new UsageError(`${what}; ${hint}run '${PROGRAM} --help' for the commands (${COMMANDS.join(', ')})`);
	}
	const command = first as CommandName;
	const spec = SPECS[command];
	const options: NonNullable<ParseArgsConfig['options']> = {};
	for (const [name, o] of Object.entries(spec.options)) {
		const option: NonNullable<ParseArgsConfig['options']>[string] = { type: o.type };
		if (o.multiple) option.multiple = true;
		if (o.short) option.short = o.short;
		options[name] = option;
	}
	let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
	try {
		parsed = parseArgs({ args: [...rest], options, strict: true, allowPositionals: true });
	} catch (e) {
		throw new UsageError(explainParseError(command, e));
	}
	if (parsed.values.help === true) return { kind: 'help', text: commandHelp(command) };
	const [min, max] = spec.positionals;
	if (parsed.positionals.length > max) {
		const extra = parsed.positionals[max];
		throw new UsageError(
			`${command}: unexpected argument '${extra}'; usage: ${spec.usage}${extra.includes(' ') ? '' : " (quote a path with spaces, e.g. 'Interviews/2026-11-16 Acme.md')"}`,
		);
	}
	if (parsed.positionals.length < min) {
		throw new UsageError(`${command}: missing ${missingWhat(command, parsed.positionals.length)}; usage: ${spec.usage}`);
	}
	return { kind: 'run', parsed: { command, positionals: parsed.positionals, values: parsed.values as Parsed['values'] } };
}

function missingWhat(command: CommandName, have: number): string {
	if (command === 'log' || command === 'snooze') return have === 0 ? 'NOTE and KIND' : 'KIND';
	if (command === 'template') return 'KIND (thank-you, ask-timeline, status-check, reference-alert, referral-request, withdraw, prepare or interview) or --action ID';
	return 'an argument';
}

function explainParseError(command: CommandName, e: unknown): string {
	const spec = SPECS[command];
	const err = e as { code?: string; message?: string };
	const message = err.message ?? String(e);
	const named = /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? '';
	const help = `run '${PROGRAM} ${command} --help' for the options`;
	switch (err.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
			const bare = named.replace(/^-+/, '').replace(/=.*$/, '');
			const guess = closest(bare, Object.keys(spec.options));
			return `${command}: unknown option '${named}'; ${guess ? `did you mean '--${guess}'? ` : ''}${help}`;
		}
		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
			const name = named.replace(/^-+/, '');
			const o = spec.options[name] ?? Object.values(spec.options).find((x) => x.short === name);
			if (o?.type === 'boolean') return `${command}: option '${named}' takes no value; ${help}`;
			return `${command}: option '${named}' needs a value${o?.value ? ` (${o.value})` : ''}; ${help}`;
		}
		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
			return `${command}: unexpected argument; usage: ${spec.usage}`;
		default:
			return `${command}: ${message.split('\n')[0]}; ${help}`;
	}
}

/** The value of a string option; where one that takes a single value is repeated, the last one (as node's parseArgs keeps it). */
export function stringOption(parsed: Parsed, name: string): string | undefined {
	const v = parsed.values[name];
	if (v === undefined) return undefined;
	if (Array.isArray(v)) return v[v.length - 1];
	if (typeof v === 'string') return v;
	return undefined;
}

export function flag(parsed: Parsed, name: string): boolean {
	return parsed.values[name] === true;
}

export function listOption(parsed: Parsed, name: string): string[] {
	const v = parsed.values[name];
	if (v === undefined) return [];
	return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

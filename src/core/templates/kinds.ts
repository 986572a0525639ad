/** The template kinds, as the command line names them (cli.md, `template KIND`). */
export type TemplateKind =
	| 'thank-you'
	| 'ask-timeline'
	| 'status-check'
	| 'reference-alert'
	| 'referral-request'
	| 'withdraw'
	| 'prepare'
	| 'interview';

export const TEMPLATE_KINDS: readonly TemplateKind[] = [
	'thank-you',
	'ask-timeline',
	'status-check',
	'reference-alert',
	'referral-request',
	'withdraw',
	'prepare',
	'interview',
];

/** Kinds that are messages to a person (they have an email form); `prepare` and `interview` are notes. */
export const SENDABLE_KINDS: readonly TemplateKind[] = [
	'thank-you',
	'ask-timeline',
	'status-check',
	'reference-alert',
	'referral-request',
	'withdraw',
];

export function isTemplateKind(value: unknown): value is TemplateKind {
	return typeof value === 'string' && (TEMPLATE_KINDS as readonly string[]).includes(value);
}

/** The file name of a user template in the templates folder: `<kind>.md`. */
export function templateFileName(kind: TemplateKind): string {
	return `${kind}.md`;
}

/** The vault path of a user template: `<folder>/<kind>.md` (just the file name when the folder is empty). */
export function templatePath(folder: string, kind: TemplateKind): string {
	const clean = folder.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
	return clean === '' ? templateFileName(kind) : `${clean}/${templateFileName(kind)}`;
}

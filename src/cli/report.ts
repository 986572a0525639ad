/**
 * `report`: the pipeline, as a table grouped by stage with the totals below,
 * or as the JSON document of cli.md (`report --json`: key names, order and
 * nulls exactly as there; `references` is an extension).
 */
import { dayMonth, type LocalDate } from '../core/dates';
import type { ApplicationFigures, Figures, NextAction, ReferenceFigures } from '../core/figures';
import { kindTitle, percentText, STAGE_TITLES } from '../core/labels';
import type { Diagnostic } from '../core/types';
import { STATUSES } from '../core/types';
import type { Parsed } from './args';
import { commonOptions, nowOf, type Io } from './common';
import { VaultLoader } from './vaultLoader';
import { longDate, styleFor, useColour, type Style } from './format';
import { progressFor } from './progress';

export function runReport(parsed: Parsed, io: Io): number {
	const c = commonOptions(parsed, io);
	const loader = new VaultLoader(c.vault, c.settings);
	loader.loadAll(progressFor(io));
	const { figures, references, diagnostics } = loader.figures(nowOf(c.fixedToday));
	if (c.json) io.stdout.write(`${JSON.stringify(figuresJson(figures, references), null, 2)}\n`);
	else io.stdout.write(formatReport(figures, references, diagnostics, styleFor(useColour(io.stdout, io.env))));
	return 0;
}

/** A rate in the JSON: two decimals, or null. */
function share(x: number | null): number | null {
	return x === null ? null : Math.round(x * 100) / 100;
}

function nextJson(n: NextAction | null): Record<string, unknown> | null {
	return n === null ? null : { kind: n.kind, earliest: n.earliest, due: n.due };
}

export function applicationJson(a: ApplicationFigures): Record<string, unknown> {
	return {
		company: a.company,
		role: a.role,
		note: a.note,
		stage: a.stage,
		first_interview: a.firstInterview,
		latest_interview: a.latestInterview,
		rounds: a.rounds,
		decision_date: a.decisionDate,
		decided_on: a.decidedOn,
		days_to_decision: a.daysToDecision,
		decision_date_kept: a.decisionDateKept,
		follow_ups: a.followUps,
		on_time: a.onTime,
		replies: a.replies,
		last_contact: a.lastContact,
		silent_checks: a.silentChecks,
		next_action: nextJson(a.nextAction),
	};
}

/** The document of `report --json`. */
export function figuresJson(f: Figures, references: readonly ReferenceFigures[]): Record<string, unknown> {
	const t = f.totals;
	return {
		today: f.today,
		applications: f.applications.map(applicationJson),
		totals: {
			applications: t.applications,
			active: t.active,
			by_stage: { ...t.byStage },
			interviews: t.interviews,
			reply_rate: share(t.replyRate),
			median_days_to_decision: t.medianDaysToDecision,
			decision_dates_kept: share(t.decisionDatesKept),
			on_time_rate: share(t.onTimeRate),
		},
		references: references.map((r) => ({
			name: r.name,
			alerts: r.alerts,
			applications: r.applications.map((a) => ({ company: a.company, role: a.role, alerts: a.alerts })),
		})),
	};
}

/** `16 Nov`, with the year when it is not today's; `-` for none. */
function day(date: LocalDate | null, today: LocalDate): string {
	return date === null ? '-' : dayMonth(date, today);
}

const HEADERS = ['Company', 'Role', 'Rounds', 'First', 'Latest', 'Decision by', 'Decided', 'Follow-ups', 'Replies', 'Last contact', 'Silent', 'Next action'];

function decided(a: ApplicationFigures, today: LocalDate): string {
	if (a.decidedOn === null) return '-';
	const kept = a.decisionDateKept === null ? '' : a.decisionDateKept ? ' (kept)' : ' (late)';
	return `${day(a.decidedOn, today)}${kept}`;
}

function nextCell(n: NextAction | null, today: LocalDate): string {
	if (n === null) return '-';
	const what = kindTitle(n.kind);
	if (n.earliest > today) return `${what} from ${day(n.earliest, today)}`;
	return `${what} due ${day(n.due, today)}${n.due < today ? ' (overdue)' : ''}`;
}

function row(a: ApplicationFigures, today: LocalDate): string[] {
	return [
		a.company,
		a.role ?? '-',
		String(a.rounds),
		day(a.firstInterview, today),
		day(a.latestInterview, today),
		day(a.decisionDate, today),
		decided(a, today),
		a.followUps === 0 ? '0' : `${a.followUps} (${a.onTime} on time)`,
		String(a.replies),
		day(a.lastContact, today),
		String(a.silentChecks),
		nextCell(a.nextAction, today),
	];
}

/** Columns padded to their widest cell over every group, so the groups line up. */
function table(rows: string[][]): (cells: string[]) => string {
	const widths = HEADERS.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i].length), h.length));
	return (cells) =>
		cells
			.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
			.join('  ')
			.trimEnd();
}

/** The readable `report`. */
export function formatReport(f: Figures, references: readonly ReferenceFigures[], diagnostics: readonly Diagnostic[], st: Style): string {
	const out: string[] = [st.bold(`Interview pipeline on ${longDate(f.today)}`)];
	if (f.applications.length === 0) {
		out.push('', 'No applications yet: write a note for your first interview (see docs/note-format.md).');
	} else {
		const rows = f.applications.map((a) => row(a, f.today));
		const line = table(rows);
		for (const stage of STATUSES) {
			const inStage = f.applications.flatMap((a, i) => (a.stage === stage ? [rows[i]] : []));
			if (inStage.length === 0) continue;
			out.push('', st.bold(`${STAGE_TITLES[stage]} (${inStage.length})`));
			out.push(`  ${st.dim(line(HEADERS))}`);
			for (const r of inStage) out.push(`  ${line(r)}`);
		}
	}
	const t = f.totals;
	const stages = STATUSES.flatMap((s) => (t.byStage[s] === undefined ? [] : [`${s} ${t.byStage[s]}`]));
	out.push(
		'',
		st.bold('Totals'),
		`  Applications: ${t.applications}, ${t.active} active${stages.length > 0 ? ` (${stages.join(', ')})` : ''}`,
		`  Interviews: ${t.interviews}`,
		`  Reply rate: ${percentText(t.replyRate)}`,
		`  Median days to a decision: ${t.medianDaysToDecision ?? 'none yet'}`,
		`  Decision dates kept: ${percentText(t.decisionDatesKept)}`,
		`  Follow-ups on time: ${percentText(t.onTimeRate)}`,
	);
	if (references.length > 0) {
		out.push('', st.bold('References'));
		for (const r of references) {
			const apps = r.applications.map((a) => `${a.company}${a.role === null ? '' : ` (${a.role})`}: ${a.alerts}`).join('; ');
			out.push(`  ${r.name}: alerted ${r.alerts} time${r.alerts === 1 ? '' : 's'} (${apps})`);
		}
	}
	const problems = diagnostics.filter((d) => d.severity !== 'info');
	if (problems.length > 0) {
		const notes = new Set(problems.map((d) => d.note)).size;
		out.push('', `Problems in ${notes} note${notes === 1 ? '' : 's'}; run 'interview-followups check' to see them.`);
	}
	return `${out.join('\n')}\n`;
}

/**
 * The pipeline at a glance: for each application its stage, dates and
 * follow-up figures, the totals with their rates, each reference's alerts,
 * and the data of the two charts (the funnel, the search week by week).
 * The fields are those of `report --json` (shared/spec/cli.md); the CLI's
 * `report`, the plugin's pipeline view and the `view: figures` code block
 * all read them from here.
 *
 * Facts (status, dates, contact, what each log entry closed, the next
 * action) come from the rules; this module only counts them.
 */
import { addDays, diffDays, weekday, type LocalDate } from './dates';
import type { ApplicationFacts } from './rules/facts';
import { compareStrings } from './vaultIndex';
import type { Schedule, ScheduleInput } from './rules/model';
import type { ActionKind, LogEntry, LogKind, Status } from './types';
import { STATUSES } from './types';

/** Log kinds that are not follow-ups: a reply, and the status events. */
const NOT_FOLLOW_UPS: ReadonlySet<LogKind> = new Set<LogKind>(['contact', 'offer', 'hired', 'rejected', 'withdrawn']);

/** Statuses whose status date is `decided_on`. */
const DECISIONS: ReadonlySet<Status> = new Set<Status>(['offer', 'hired', 'rejected', 'withdrawn']);

export interface NextAction {
	kind: ActionKind;
	earliest: LocalDate;
	due: LocalDate;
}

/** One application's figures (`report --json` `applications[]`), plus what the view shows. */
export interface ApplicationFigures {
	/** The application id (`company|role`). */
	application: string;
	company: string;
	role: string | null;
	/** The application's most recent note. */
	note: string;
	stage: Status;
	active: boolean;
	firstInterview: LocalDate | null;
	latestInterview: LocalDate | null;
	/** Interviews that have happened. */
	rounds: number;
	decisionDate: LocalDate | null;
	decidedOn: LocalDate | null;
	daysToDecision: number | null;
	decisionDateKept: boolean | null;
	followUps: number;
	onTime: number;
	replies: number;
	lastContact: LocalDate | null;
	silentChecks: number;
	nextAction: NextAction | null;
	/** Days since the latest interview or contact, for an active application; else null. */
	daysWaiting: number | null;
}

export interface Totals {
	applications: number;
	active: number;
	/** Applications per stage, only the stages that occur, in the order of the statuses. */
	byStage: Partial<Record<Status, number>>;
	interviews: number;
	replyRate: number | null;
	medianDaysToDecision: number | null;
	decisionDatesKept: number | null;
	onTimeRate: number | null;
}

export interface ReferenceApplication {
	application: string;
	company: string;
	role: string | null;
	/** `reference-alert` entries of this application that name the reference or nobody. */
	alerts: number;
}

export interface ReferenceFigures {
	/** Person id. */
	person: string;
	name: string;
	/** Alerts over all applications. */
	alerts: number;
	/** Every application that names the person as a reference, by company and role. */
	applications: ReferenceApplication[];
}

/** The funnel: how many applications got to each step. */
export interface Funnel {
	/** With at least one interview that has happened. */
	interviewed: number;
	/** With two or more. */
	furtherRounds: number;
	/** That reached an offer (at `offer` or `hired` now, or an `offer` in the log). */
	offers: number;
	hired: number;
}

/** One week of the search, Monday to Sunday. */
export interface Week {
	/** The Monday. */
	start: LocalDate;
	interviews: number;
	/** Applications whose `decided_on` falls in the week. */
	decisions: number;
}

export interface Figures {
	today: LocalDate;
	/** Grouped by stage (in the order of the statuses), then by company and role. */
	applications: ApplicationFigures[];
	totals: Totals;
	funnel: Funnel;
	/** Every week from the first interview or decision to the last, empty weeks included. */
	weeks: Week[];
}

/** The figures of every application of the `schedule` the rules computed. */
export function computeFigures(schedule: Schedule): Figures {
	const today = schedule.today;
	// The due date each entry was held to: the earliest due among the actions it closed.
	const heldTo = new Map<LogEntry, LocalDate>();
	for (const c of schedule.closed) {
		const prev = heldTo.get(c.entry);
		if (prev === undefined || c.due < prev) heldTo.set(c.entry, c.due);
	}
	// The actions are sorted: an application's first one is its next.
	const next = new Map<string, NextAction>();
	for (const a of schedule.actions) {
		if (a.application !== null && !next.has(a.application)) next.set(a.application, { kind: a.kind, earliest: a.earliest, due: a.due });
	}

	const facts = schedule.facts;
	const apps = sortFigures(facts.map((f) => applicationFigures(f, today, heldTo, next.get(f.app.id) ?? null)));
	return {
		today,
		applications: apps,
		totals: totalsOf(apps, facts),
		funnel: funnelOf(apps, facts),
		weeks: weeksOf(facts, apps),
	};
}

/** The date the application reached its decision: the rules' status date of a decision status. */
function decisionDay(f: ApplicationFacts): LocalDate | null {
	return DECISIONS.has(f.status) ? f.statusDate : null;
}

function applicationFigures(
	f: ApplicationFacts,
	today: LocalDate,
	heldTo: ReadonlyMap<LogEntry, LocalDate>,
	nextAction: NextAction | null,
): ApplicationFigures {
	const first = f.first?.date?.date ?? null;
	const latest = f.latest?.date?.date ?? null;
	let followUps = 0;
	let onTime = 0;
	let replies = 0;
	let lastContact: LocalDate | null = null;
	let lastReply: LocalDate | null = null;
	for (const { entry } of f.log) {
		if (entry.kind === 'contact') {
			replies++;
			if (lastReply === null || entry.date > lastReply) lastReply = entry.date;
		} else if (!NOT_FOLLOW_UPS.has(entry.kind)) {
			followUps++;
			const due = heldTo.get(entry);
			if (due !== undefined && entry.date <= due) onTime++;
		} else continue;
		if (lastContact === null || entry.date > lastContact) lastContact = entry.date;
	}
	// Silent checks: those after the latest reply or interview, whichever is later.
	const since = lastReply !== null && (latest === null || lastReply > latest) ? lastReply : latest;
	let silentChecks = 0;
	for (const { entry } of f.log) if (entry.kind === 'status-check' && (since === null || entry.date > since)) silentChecks++;

	const decidedOn = decisionDay(f);
	const waitingFrom = lastContact !== null && (latest === null || lastContact > latest) ? lastContact : latest;
	return {
		application: f.app.id,
		company: f.app.company,
		role: f.app.role,
		note: f.mostRecent.path,
		stage: f.status,
		active: f.active,
		firstInterview: first,
		latestInterview: latest,
		rounds: f.happened.length,
		decisionDate: f.decisionDate,
		decidedOn,
		daysToDecision: decidedOn !== null && first !== null ? diffDays(first, decidedOn) : null,
		decisionDateKept: decidedOn !== null && f.decisionDate !== null ? decidedOn <= f.decisionDate : null,
		followUps,
		onTime,
		replies,
		lastContact,
		silentChecks,
		nextAction,
		daysWaiting: f.active && waitingFrom !== null && waitingFrom <= today ? diffDays(waitingFrom, today) : null,
	};
}

/** Grouped by stage, then by company and role ignoring case, then by id: sort keys worked out once per application. */
function sortFigures(apps: ApplicationFigures[]): ApplicationFigures[] {
	const keyed = apps.map((a) => ({ a, stage: STATUSES.indexOf(a.stage), company: a.company.toLowerCase(), role: (a.role ?? '').toLowerCase() }));
	keyed.sort(
		(x, y) =>
			x.stage - y.stage ||
			compareStrings(x.company, y.company) ||
			compareStrings(x.role, y.role) ||
			compareStrings(x.a.application, y.a.application),
	);
	return keyed.map((k) => k.a);
}

function compareText(a: string, b: string): number {
	return compareStrings(a.toLowerCase(), b.toLowerCase());
}

/** `part / whole`, or null when `whole` is 0. */
function rate(part: number, whole: number): number | null {
	return whole === 0 ? null : part / whole;
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const v = [...values].sort((a, b) => a - b);
	const mid = v.length >> 1;
	return v.length % 2 === 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function totalsOf(apps: readonly ApplicationFigures[], facts: readonly ApplicationFacts[]): Totals {
	const byStage: Partial<Record<Status, number>> = {};
	for (const s of STATUSES) {
		const n = apps.filter((a) => a.stage === s).length;
		if (n > 0) byStage[s] = n;
	}
	const interviewed = apps.filter((a) => a.firstInterview !== null);
	// "A reply or a decision after their first interview".
	const heard = new Set<string>();
	for (const f of facts) {
		const first = f.first?.date?.date;
		if (first === undefined) continue;
		if (f.log.some((e) => e.entry.kind === 'contact' && e.entry.date >= first)) heard.add(f.app.id);
	}
	for (const a of interviewed) if (a.decidedOn !== null && a.decidedOn >= a.firstInterview!) heard.add(a.application);
	const kept = apps.filter((a) => a.decisionDateKept !== null);
	let followUps = 0;
	let onTime = 0;
	for (const a of apps) {
		followUps += a.followUps;
		onTime += a.onTime;
	}
	return {
		applications: apps.length,
		active: apps.filter((a) => a.active).length,
		byStage,
		interviews: apps.reduce((n, a) => n + a.rounds, 0),
		replyRate: rate(heard.size, interviewed.length),
		medianDaysToDecision: median(apps.flatMap((a) => (a.daysToDecision === null ? [] : [a.daysToDecision]))),
		decisionDatesKept: rate(kept.filter((a) => a.decisionDateKept === true).length, kept.length),
		onTimeRate: rate(onTime, followUps),
	};
}

/**
 * Each reference's alerts, by name (`report`; the pipeline view does not
 * show them): the `schedule`'s applications, with names from `input`.
 */
export function referenceFigures(input: ScheduleInput, schedule: Schedule): ReferenceFigures[] {
	const facts = schedule.facts;
	const byPerson = new Map<string, ReferenceFigures>();
	for (const f of facts) {
		const refs = new Set<string>();
		for (const iv of f.notes) for (const r of iv.references) refs.add(r);
		for (const person of refs) {
			let alerts = 0;
			for (const e of f.log) if (e.entry.kind === 'reference-alert' && (e.personId === null || e.personId === person)) alerts++;
			let figures = byPerson.get(person);
			if (figures === undefined) {
				figures = { person, name: input.person(person)?.name ?? person, alerts: 0, applications: [] };
				byPerson.set(person, figures);
			}
			figures.alerts += alerts;
			figures.applications.push({ application: f.app.id, company: f.app.company, role: f.app.role, alerts });
		}
	}
	const out = [...byPerson.values()];
	for (const r of out) r.applications.sort((a, b) => compareText(a.company, b.company) || compareText(a.role ?? '', b.role ?? ''));
	return out.sort((a, b) => compareText(a.name, b.name) || (a.person < b.person ? -1 : 1));
}

function funnelOf(apps: readonly ApplicationFigures[], facts: readonly ApplicationFacts[]): Funnel {
	const offered = (f: ApplicationFacts) =>
		f.status === 'offer' || f.status === 'hired' || f.log.some((e) => e.entry.kind === 'offer' || e.entry.kind === 'hired');
	return {
		interviewed: apps.filter((a) => a.rounds > 0).length,
		furtherRounds: apps.filter((a) => a.rounds > 1).length,
		offers: facts.filter(offered).length,
		hired: apps.filter((a) => a.stage === 'hired').length,
	};
}

/** The Monday on or before `date`. */
export function weekStart(date: LocalDate): LocalDate {
	return addDays(date, -((weekday(date) + 6) % 7));
}

function weeksOf(facts: readonly ApplicationFacts[], apps: readonly ApplicationFigures[]): Week[] {
	const interviews = new Map<LocalDate, number>();
	const decisions = new Map<LocalDate, number>();
	for (const f of facts) {
		for (const iv of f.happened) if (iv.date !== null) bump(interviews, weekStart(iv.date.date));
	}
	for (const a of apps) if (a.decidedOn !== null) bump(decisions, weekStart(a.decidedOn));
	const starts = [...interviews.keys(), ...decisions.keys()].sort();
	if (starts.length === 0) return [];
	const weeks: Week[] = [];
	for (let w = starts[0]; w <= starts[starts.length - 1]; w = addDays(w, 7)) {
		weeks.push({ start: w, interviews: interviews.get(w) ?? 0, decisions: decisions.get(w) ?? 0 });
	}
	return weeks;
}

function bump(map: Map<LocalDate, number>, key: LocalDate): void {
	map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * The follow-up rules (shared/spec/follow-up-rules.md): from the index and a
 * moment, every action the user should take.
 */
import { addBusinessDays, addDays, type LocalDate, type LocalInstant } from '../dates';
import type { Action, ActionKind, ActionPerson, Diagnostic, LogKind, Settings } from '../types';
import { applicationFacts, type ApplicationFacts } from './facts';
import { personKeyOf, shortHash } from './keys';
import type { PipelineEntry, PipelineSummary, Schedule, ScheduleInput } from './model';
import { actionState, compareActions, sortInPlace } from './order';
import * as reason from './reasons';
import { ruleSettings, type RuleSettings } from './settings';

/** An action before it is checked against the log and the snoozes. */
interface Draft {
	kind: ActionKind;
	facts: ApplicationFacts | null;
	earliest: LocalDate;
	due: LocalDate;
	/** Person id, or null when the action names nobody. */
	person: string | null;
	note: string | null;
	/** What, besides kind, application and (for per-person kinds) person, makes this action the same one tomorrow. */
	anchor: string;
	/** The reason sentence, built only for actions that are listed. */
	reason: () => string;
}

/** What every rule needs during one computation, with caches that make 1,000 applications cheap. */
interface Ctx {
	rules: RuleSettings;
	diagnostics: Diagnostic[];
	/** A person's display name from the index. */
	name: (id: string) => string;
	/** D + n business days, memoised (many applications share dates). */
	bd: (date: LocalDate, n: number) => LocalDate;
}

/** Kinds with one action per person; the others have one per application (their person may change). */
const PER_PERSON: ReadonlySet<ActionKind> = new Set<ActionKind>(['thank-you', 'reference-alert']);

/** Log kinds whose entries must name someone the application knows to count for anyone. */
const NAMED_LOG_KINDS: ReadonlySet<LogKind> = new Set<LogKind>([
	'thank-you',
	'reference-alert',
	'ask-timeline',
	'referral-request',
]);

const STATUS_EVENTS: readonly LogKind[] = ['offer', 'hired', 'rejected', 'withdrawn'];

/**
 * Every action not done and not snoozed as of `now`, sorted as cli.md says,
 * with a summary of the pipeline and the diagnostics the rules found.
 * `now` is a moment on the user's clock; for a date alone (the CLI's
 * `--today`) pass `endOfDay(date)`.
 */
export function computeSchedule(input: ScheduleInput, now: LocalInstant, settings: Settings): Schedule {
	const today = now.date;
	const { rules, diagnostics } = ruleSettings(settings);
	const bdCache = new Map<string, LocalDate>();
	const keyCache = new Map<string, string>();
	const ctx: Ctx = {
		rules,
		diagnostics,
		name: (id) => input.person(id)?.name ?? id,
		bd: (date, n) => {
			const k = `${date}+${n}`;
			let r = bdCache.get(k);
			if (r === undefined) bdCache.set(k, (r = addBusinessDays(date, n, rules.calendar)));
			return r;
		},
	};
	const keyOf = (name: string): string => {
		let k = keyCache.get(name);
		if (k === undefined) keyCache.set(name, (k = personKeyOf(name)));
		return k;
	};

	const drafts: Draft[] = [];
	const allFacts: ApplicationFacts[] = [];
	for (const app of input.applications()) {
		const f = applicationFacts(app, now, keyOf);
		if (f === null) continue;
		allFacts.push(f);
		applicationDrafts(f, ctx, drafts);
		checkLog(f, ctx);
	}

	const activeCount = allFacts.reduce((n, f) => n + (f.active ? 1 : 0), 0);
	if (activeCount < rules.minActive) {
		drafts.push({
			kind: 'keep-looking',
			facts: null,
			earliest: today,
			due: today,
			person: null,
			note: null,
			anchor: '',
			reason: () => reason.keepLookingReason(activeCount, rules.minActive),
		});
	}

	// Ids: kind + application + person (per-person kinds) + anchor, hashed.
	// Two drafts with the same key (the same person in two notes of one day)
	// are told apart by note path, the first keeping the plain id.
	const ids = new IdMaker(drafts);

	const actions: Action[] = [];
	const snoozed: { action: Action; until: LocalDate }[] = [];
	const keepLookingSnoozes = allFacts.flatMap((f) => f.snoozes.filter((s) => s.snooze.kind === 'keep-looking'));
	for (let i = 0; i < drafts.length; i++) {
		const d = drafts[i];
		if (isDone(d)) continue;
		const snoozes = d.facts === null ? keepLookingSnoozes : d.facts.snoozes;
		let until: LocalDate | null = null;
		for (const s of snoozes) {
			if (s.snooze.kind !== d.kind || today >= s.snooze.until) continue;
			if (s.personId !== null && s.personId !== d.person) continue;
			if (until === null || s.snooze.until > until) until = s.snooze.until;
		}
		const action = toAction(d, ids.id(i), today, input);
		if (until === null) actions.push(action);
		else snoozed.push({ action, until });
	}
	sortInPlace(actions);

	return {
		today,
		actions,
		summary: summarise(allFacts, actions, snoozed, rules.minActive),
		diagnostics,
	};
}

function applicationDrafts(f: ApplicationFacts, ctx: Ctx, out: Draft[]): void {
	const { rules, name } = ctx;
	const { app } = f;
	const recent = f.mostRecent.path;
	const contactName = (): string | null => (f.contact === null ? null : name(f.contact));

	for (const iv of f.happened) {
		const d = iv.date === null ? '' : iv.date.date;
		// collect-names: "each interview that has happened and names no interviewer, or names one without a title".
		if (iv.interviewers.length === 0 || iv.interviewerMissingTitle) {
			out.push({
				kind: 'collect-names',
				facts: f,
				earliest: d,
				due: d,
				person: null,
				note: iv.path,
				anchor: d,
				reason: () => reason.collectNamesReason(d, iv.interviewers.length === 0),
			});
		}
		// thank-you: "each interviewer of each interview that has happened", whatever the status.
		const due = ctx.bd(d, rules.thankYouBusinessDays);
		for (const person of new Set(iv.interviewers)) {
			out.push({
				kind: 'thank-you',
				facts: f,
				earliest: d,
				due,
				person,
				note: iv.path,
				anchor: d,
				reason: () => reason.thankYouReason(name(person), d, rules.thankYouBusinessDays),
			});
		}
	}

	if (f.active && f.first !== null && f.latest !== null) {
		const first = f.first.date === null ? '' : f.first.date.date;
		const latest = f.latest.date === null ? '' : f.latest.date.date;

		// reference-alert: "each reference of an application, once, after its first interview".
		const refs = new Set<string>();
		for (const iv of f.notes) for (const r of iv.references) refs.add(r);
		const refDue = ctx.bd(first, rules.referenceAlertBusinessDays);
		for (const person of refs) {
			out.push({
				kind: 'reference-alert',
				facts: f,
				earliest: first,
				due: refDue,
				person,
				note: recent,
				anchor: '',
				reason: () => reason.referenceAlertReason(name(person), app.company, app.role),
			});
		}

		// ask-timeline: "each application with an interview that has happened and no decision_date".
		if (f.decisionDate === null) {
			out.push({
				kind: 'ask-timeline',
				facts: f,
				earliest: latest,
				due: ctx.bd(latest, rules.askTimelineBusinessDays),
				person: f.contact,
				note: recent,
				anchor: latest,
				reason: () => reason.askTimelineReason(contactName(), app.company),
			});
		}

		// status-check: paused while a further interview is scheduled.
		if (f.scheduled === null) out.push(statusCheck(f, latest, ctx, contactName));
	}

	if (f.status === 'rejected') {
		const rejected = rejectionDate(f, ctx.diagnostics);
		if (rejected !== null) {
			out.push({
				kind: 'referral-request',
				facts: f,
				earliest: rejected,
				due: ctx.bd(rejected, rules.referralBusinessDays),
				person: f.contact,
				note: recent,
				anchor: '',
				reason: () => reason.referralRequestReason(contactName(), app.company, rejected),
			});
		}
	}
}

/** The status-check schedule (follow-up-rules.md, "The status-check schedule"). */
function statusCheck(f: ApplicationFacts, latest: LocalDate, ctx: Ctx, contactName: () => string | null): Draft {
	const { rules } = ctx;
	// "Once a status-check or contact is logged on day L (L >= D)": the latest such L restarts the count.
	let last: LocalDate | null = null;
	for (const kind of ['status-check', 'contact'] as const) {
		for (const e of f.log.get(kind) ?? []) {
			if (e.entry.date >= latest && (last === null || e.entry.date > last)) last = e.entry.date;
		}
	}
	const base = {
		kind: 'status-check' as const,
		facts: f,
		person: f.contact,
		note: f.mostRecent.path,
	};
	const cadence = { min: rules.cadenceMin, max: rules.cadenceMax };
	if (last !== null) {
		return {
			...base,
			earliest: addDays(last, rules.cadenceMin),
			due: addDays(last, rules.cadenceMax),
			anchor: last,
			reason: () => reason.statusCheckReason(contactName(), f.app.company, { kind: 'contact', date: last }, cadence),
		};
	}
	const due = addDays(latest, rules.cadenceMax);
	if (f.decisionDate !== null && f.decisionDate > due) {
		// "be patient": earliest and due on decision_date + 1 business day.
		const decision = f.decisionDate;
		const day = ctx.bd(decision, 1);
		return {
			...base,
			earliest: day,
			due: day,
			anchor: latest,
			reason: () => reason.patientStatusCheckReason(contactName(), f.app.company, decision),
		};
	}
	return {
		...base,
		earliest: addDays(latest, rules.cadenceMin),
		due,
		anchor: latest,
		reason: () => reason.statusCheckReason(contactName(), f.app.company, { kind: 'interview', date: latest }, cadence),
	};
}

/**
 * "The day an application was rejected is the date of its latest `rejected`
 * log entry; without one, it is taken as the date of its latest interview,
 * and the note gets a warning that suggests adding the entry."
 */
function rejectionDate(f: ApplicationFacts, diagnostics: Diagnostic[]): LocalDate | null {
	let day: LocalDate | null = null;
	for (const e of f.log.get('rejected') ?? []) if (day === null || e.entry.date > day) day = e.entry.date;
	if (day !== null) return day;
	const note = (f.statusNote ?? f.mostRecent).path;
	const latest = f.latest?.date?.date ?? null;
	diagnostics.push({
		note,
		severity: 'warning',
		message:
			latest === null
				? `status is rejected but no interview has happened and no follow-up log entry says when; ` +
					`add "YYYY-MM-DD rejected" (the day you heard) to follow_ups so the referral request can be scheduled`
				: `status is rejected but no follow-up log entry says when; the referral request counts from the latest interview (${latest}). ` +
					`Add "YYYY-MM-DD rejected" (the day you heard) to follow_ups to date it exactly`,
	});
	return latest;
}

/**
 * "Done": a log entry of the action's kind, dated on or after its earliest,
 * in any note of the application, naming the action's person or nobody.
 */
function isDone(d: Draft): boolean {
	if (d.facts === null || d.kind === 'keep-looking') return false;
	for (const e of d.facts.log.get(d.kind) ?? []) {
		if (e.entry.date >= d.earliest && (e.personId === null || e.personId === d.person)) return true;
	}
	return false;
}

/** Warnings for what in the log would otherwise fail silently. */
function checkLog(f: ApplicationFacts, ctx: Ctx): void {
	const { name, diagnostics } = ctx;
	// Everyone the application's notes name; built only when some entry names a person.
	let knownSet: Set<string> | null = null;
	const isKnown = (id: string): boolean => {
		if (knownSet === null) {
			knownSet = new Set<string>();
			for (const iv of f.notes) {
				for (const p of iv.interviewers) knownSet.add(p);
				for (const p of iv.references) knownSet.add(p);
				if (iv.contact !== null) knownSet.add(iv.contact);
			}
		}
		return knownSet.has(id);
	};
	const label = f.app.role === null ? f.app.company : `${f.app.company} (${f.app.role})`;
	const people = (): string => [...(knownSet ?? [])].map(name).join(', ') || 'nobody yet';
	for (const kind of NAMED_LOG_KINDS) {
		for (const e of f.log.get(kind) ?? []) {
			if (e.personId === null || isKnown(e.personId)) continue;
			const shown = `${e.entry.date} ${e.entry.kind}: ${e.entry.person ?? ''}`;
			diagnostics.push({
				note: e.note,
				severity: 'warning',
				message:
					`follow-up "${shown}" names ${e.entry.person ?? ''}, who is not an interviewer, reference or contact of ${label} ` +
					`(the notes name: ${people()}), so it marks nothing done; check the spelling, or add the person to the note`,
				...(e.entry.line === undefined ? {} : { line: e.entry.line }),
			});
		}
	}
	for (const s of f.snoozes) {
		if (s.personId === null || s.snooze.kind === 'keep-looking' || isKnown(s.personId)) continue;
		diagnostics.push({
			note: s.note,
			severity: 'warning',
			message:
				`snoozed "${s.snooze.until} ${s.snooze.kind}: ${s.snooze.person ?? ''}" names someone who is not an interviewer, ` +
				`reference or contact of ${label} (the notes name: ${people()}), so it hides nothing; check the spelling`,
			...(s.snooze.line === undefined ? {} : { line: s.snooze.line }),
		});
	}
	if (f.statusNote === null) {
		let event: { kind: LogKind; date: LocalDate } | null = null;
		for (const kind of STATUS_EVENTS) {
			for (const e of f.log.get(kind) ?? []) if (event === null || e.entry.date > event.date) event = { kind, date: e.entry.date };
		}
		if (event !== null) {
			diagnostics.push({
				note: f.mostRecent.path,
				severity: 'warning',
				message:
					`the follow-up log records "${event.date} ${event.kind}", but no note of ${label} sets a status, so it still counts as interviewing; ` +
					`add "status: ${event.kind}" to this note if that is where it stands`,
			});
		}
	}
}

/**
 * Action ids. The key of an action is kind + application + person (for
 * per-person kinds) + anchor; drafts sharing a key (the same person in two
 * notes of one day) are told apart by note path, the first keeping the plain
 * id. Only the ids of listed actions are hashed.
 */
class IdMaker {
	private readonly keys: string[];
	private readonly suffix = new Map<number, number>();

	constructor(private readonly drafts: readonly Draft[]) {
		this.keys = drafts.map((d) => {
			const app = d.facts === null ? '' : d.facts.app.id;
			const person = PER_PERSON.has(d.kind) ? (d.person ?? '') : '';
			return `${d.kind}\u001f${app}\u001f${person}\u001f${d.anchor}`;
		});
		// Keys are almost always unique: remember the first holder, make a group only on a clash.
		const first = new Map<string, number>();
		const clashes = new Map<string, number[]>();
		this.keys.forEach((k, i) => {
			const j = first.get(k);
			if (j === undefined) first.set(k, i);
			else {
				const g = clashes.get(k);
				if (g === undefined) clashes.set(k, [j, i]);
				else g.push(i);
			}
		});
		for (const members of clashes.values()) {
			const path = (i: number): string => drafts[i].note ?? '';
			members.sort((a, b) => (path(a) < path(b) ? -1 : path(a) > path(b) ? 1 : a - b));
			members.forEach((m, n) => {
				if (n > 0) this.suffix.set(m, n + 1);
			});
		}
	}

	id(i: number): string {
		const d = this.drafts[i];
		const base = `${d.kind}-${shortHash(this.keys[i])}`;
		const n = this.suffix.get(i);
		return n === undefined ? base : `${base}-${n}`;
	}
}

function toAction(d: Draft, id: string, today: LocalDate, input: ScheduleInput): Action {
	let person: ActionPerson | null = null;
	let gifts: string[] = [];
	if (d.person !== null) {
		const p = input.person(d.person);
		person = {
			name: p?.name ?? d.person,
			title: p?.title ?? null,
			email: p?.email ?? null,
			phone: p?.phone ?? null,
		};
		gifts = p === undefined ? [] : [...p.topics];
	}
	return {
		id,
		kind: d.kind,
		state: actionState(d.earliest, d.due, today),
		earliest: d.earliest,
		due: d.due,
		company: d.facts?.app.company ?? null,
		role: d.facts?.app.role ?? null,
		note: d.note,
		person,
		gifts,
		reason: d.reason(),
		application: d.facts?.app.id ?? null,
	};
}

function summarise(
	facts: readonly ApplicationFacts[],
	actions: readonly Action[],
	snoozed: readonly { action: Action; until: LocalDate }[],
	minActive: number,
): PipelineSummary {
	const counts = { overdue: 0, due: 0, upcoming: 0, snoozed: snoozed.length };
	const byApp = new Map<string, Action[]>();
	for (const a of actions) {
		counts[a.state] += 1;
		if (a.application === null) continue;
		const list = byApp.get(a.application);
		if (list === undefined) byApp.set(a.application, [a]);
		else list.push(a);
	}
	const backFromSnooze = new Map<string, { date: LocalDate; kind: ActionKind }>();
	for (const s of snoozed) {
		if (s.action.application === null) continue;
		const date = s.until > s.action.earliest ? s.until : s.action.earliest;
		const prev = backFromSnooze.get(s.action.application);
		if (prev === undefined || date < prev.date) backFromSnooze.set(s.action.application, { date, kind: s.action.kind });
	}

	const active: PipelineEntry[] = [];
	for (const f of facts) {
		if (!f.active) continue;
		const mine = byApp.get(f.app.id) ?? [];
		const next = mine.find((a) => a.state !== 'upcoming') ?? null;
		let waitingUntil: LocalDate | null = null;
		let waitingFor: ActionKind | 'interview' | null = null;
		if (next === null) {
			const consider = (date: LocalDate | null, what: ActionKind | 'interview'): void => {
				if (date !== null && (waitingUntil === null || date < waitingUntil)) {
					waitingUntil = date;
					waitingFor = what;
				}
			};
			for (const a of mine) consider(a.earliest, a.kind);
			const back = backFromSnooze.get(f.app.id);
			if (back !== undefined) consider(back.date, back.kind);
			consider(f.scheduled, 'interview');
		}
		active.push({
			application: f.app.id,
			company: f.app.company,
			role: f.app.role,
			status: f.status,
			note: f.mostRecent.path,
			lastInterview: f.latest?.date?.date ?? null,
			nextInterview: f.scheduled,
			next,
			waitingUntil,
			waitingFor,
		});
	}
	active.sort((a, b) => {
		if (a.next !== null && b.next !== null) return compareActions(a.next, b.next);
		if (a.next !== null) return -1;
		if (b.next !== null) return 1;
		const wa = a.waitingUntil ?? '\uffff';
		const wb = b.waitingUntil ?? '\uffff';
		if (wa !== wb) return wa < wb ? -1 : 1;
		const ca = a.company.toLowerCase();
		const cb = b.company.toLowerCase();
		if (ca !== cb) return ca < cb ? -1 : 1;
		const ra = (a.role ?? '').toLowerCase();
		const rb = (b.role ?? '').toLowerCase();
		if (ra !== rb) return ra < rb ? -1 : 1;
		return a.application < b.application ? -1 : a.application > b.application ? 1 : 0;
	});
	return { active, counts, minActive };
}

/**
 * What the pipeline view says, as data: the applications by stage in
 * words, the totals, and the two charts' bars with their text alternatives.
 * The pipeline view and the `view: pipeline` / `view: figures` code blocks
 * render this; tests read it.
 *
 * Pure: no `obsidian`, no DOM.
 */
import { dayMonth, type LocalDate } from '../../core/dates';
import type { ApplicationFigures, Figures, NextAction } from '../../core/figures';
import { percentText, STAGE_TITLES } from '../../core/labels';
import type { Status } from '../../core/types';
import { STATUSES } from '../../core/types';
import { contextText, kindWords } from './dueList';

export interface PipelineCard {
	figures: ApplicationFigures;
	/** "Acme Finance · Secretary". */
	title: string;
	/** "2 rounds · last contact 20 Nov · waiting 11 days". */
	details: string;
	/** "Next: status check, due 30 Nov (overdue)", or null. */
	next: string | null;
	/** How urgent the next action is, for its colour. */
	nextState: 'overdue' | 'due' | 'upcoming' | null;
}

export interface PipelineStage {
	stage: Status;
	title: string;
	/** In the order of the figures; each becomes a card (`pipelineCard`) only when drawn. */
	applications: ApplicationFigures[];
}

export interface Bar {
	label: string;
	value: number;
}

export interface Chart {
	title: string;
	/** One sentence with every value, for a screen reader. */
	alt: string;
	/** The series of the chart (one for the funnel, two for the weeks). */
	series: { name: string; cls: string; bars: Bar[] }[];
}

export interface TotalLine {
	label: string;
	value: string;
}

export interface PipelinePresentation {
	today: LocalDate;
	/** The stages that hold applications, in the order of the statuses. */
	stages: PipelineStage[];
	totals: TotalLine[];
	funnel: Chart;
	weeks: Chart;
	empty: boolean;
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function nextState(n: NextAction, today: LocalDate): 'overdue' | 'due' | 'upcoming' {
	return today > n.due ? 'overdue' : today >= n.earliest ? 'due' : 'upcoming';
}

function nextText(n: NextAction, today: LocalDate): string {
	const what = kindWords(n.kind);
	const state = nextState(n, today);
	if (state === 'upcoming') return `Next: ${what}, from ${dayMonth(n.earliest, today)}`;
	return `Next: ${what}, due ${dayMonth(n.due, today)}${state === 'overdue' ? ' (overdue)' : ''}`;
}

export function pipelineCard(a: ApplicationFigures, today: LocalDate): PipelineCard {
	const parts = [a.rounds === 0 ? 'no interview yet' : plural(a.rounds, 'round')];
	if (a.lastContact !== null) parts.push(`last contact ${dayMonth(a.lastContact, today)}`);
	if (a.daysWaiting !== null) parts.push(`waiting ${plural(a.daysWaiting, 'day')}`);
	if (a.decidedOn !== null) parts.push(`decided ${dayMonth(a.decidedOn, today)}${a.decisionDateKept === false ? ', later than promised' : ''}`);
	return {
		figures: a,
		title: contextText(a.company, a.role),
		details: parts.join(' · '),
		next: a.nextAction === null ? null : nextText(a.nextAction, today),
		nextState: a.nextAction === null ? null : nextState(a.nextAction, today),
	};
}

export function totalLines(f: Figures): TotalLine[] {
	const t = f.totals;
	return [
		{ label: 'Applications', value: String(t.applications) },
		{ label: 'Active', value: String(t.active) },
		{ label: 'Interviews', value: String(t.interviews) },
		{ label: 'Reply rate', value: percentText(t.replyRate) },
		{ label: 'Median days to a decision', value: t.medianDaysToDecision === null ? 'none yet' : String(t.medianDaysToDecision) },
		{ label: 'Decision dates kept', value: percentText(t.decisionDatesKept) },
		{ label: 'Follow-ups on time', value: percentText(t.onTimeRate) },
	];
}

export function funnelChart(f: Figures): Chart {
	const bars: Bar[] = [
		{ label: 'Interviews', value: f.funnel.interviewed },
		{ label: 'Further rounds', value: f.funnel.furtherRounds },
		{ label: 'Offers', value: f.funnel.offers },
		{ label: 'Hired', value: f.funnel.hired },
	];
	return {
		title: 'From interview to hire',
		alt: `Applications at each step: ${bars.map((b) => `${b.label.toLowerCase()} ${b.value}`).join(', ')}.`,
		series: [{ name: 'Applications', cls: 'ifu-bar-funnel', bars }],
	};
}

export function weeksChart(f: Figures): Chart {
	const label = (start: LocalDate) => dayMonth(start, f.today);
	const interviews = f.weeks.map((w) => ({ label: label(w.start), value: w.interviews }));
	const decisions = f.weeks.map((w) => ({ label: label(w.start), value: w.decisions }));
	const alt =
		f.weeks.length === 0
			? 'No interviews or decisions yet.'
			: `Interviews and decisions per week: ${f.weeks
					.map((w) => `week of ${label(w.start)}: ${plural(w.interviews, 'interview')}, ${plural(w.decisions, 'decision')}`)
					.join('; ')}.`;
	return {
		title: 'Interviews and decisions per week',
		alt,
		series: [
			{ name: 'Interviews', cls: 'ifu-bar-interviews', bars: interviews },
			{ name: 'Decisions', cls: 'ifu-bar-decisions', bars: decisions },
		],
	};
}

export function presentPipeline(f: Figures): PipelinePresentation {
	const stages: PipelineStage[] = [];
	for (const stage of STATUSES) {
		const applications = f.applications.filter((a) => a.stage === stage);
		if (applications.length > 0) stages.push({ stage, title: STAGE_TITLES[stage], applications });
	}
	return {
		today: f.today,
		stages,
		totals: totalLines(f),
		funnel: funnelChart(f),
		weeks: weeksChart(f),
		empty: f.applications.length === 0,
	};
}

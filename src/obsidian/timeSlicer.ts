/**
 * Cooperative time slicing: long loops call `tick()` between items; once the
 * current slice has run `budgetMs`, `tick()` yields to the event loop (a
 * macrotask, so input and painting can run) before going on. The slicer
 * records the longest slice it ran, which the benchmark reports.
 */
export interface SliceStats {
	slices: number;
	longestMs: number;
	totalMs: number;
	/** The longest single step (the work between two ticks), and what the caller said it was. */
	longestStepMs: number;
	longestStep: string;
}

export type Yielder = () => Promise<void>;

/** A macrotask turn: lets the UI handle input and paint. */
export const yieldToUi: Yielder = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

export class TimeSlicer {
	private sliceStart: number;
	private stepStart: number;
	private readonly began: number;
	readonly stats: SliceStats = { slices: 0, longestMs: 0, totalMs: 0, longestStepMs: 0, longestStep: '' };

	constructor(
		private readonly budgetMs: number,
		private readonly yielder: Yielder = yieldToUi,
		private readonly clock: () => number = () => performance.now(),
	) {
		this.sliceStart = clock();
		this.stepStart = this.sliceStart;
		this.began = this.sliceStart;
	}

	/**
	 * Ends a step (`step` says what it was, for the stats); yields when the
	 * current slice has used its budget.
	 */
	async tick(step = ''): Promise<void> {
		const now = this.clock();
		this.endStep(now, step);
		if (now - this.sliceStart < this.budgetMs) return;
		this.close(now);
		await this.yielder();
		this.sliceStart = this.clock();
		this.stepStart = this.sliceStart;
	}

	/** Ends the last step and slice; returns the stats. */
	finish(step = ''): SliceStats {
		const now = this.clock();
		this.endStep(now, step);
		this.close(now);
		this.sliceStart = now;
		this.stats.totalMs = now - this.began;
		return this.stats;
	}

	private endStep(now: number, step: string): void {
		const ran = now - this.stepStart;
		if (ran > this.stats.longestStepMs) {
			this.stats.longestStepMs = ran;
			this.stats.longestStep = step;
		}
		this.stepStart = now;
	}

	private close(now: number): void {
		const ran = now - this.sliceStart;
		this.stats.slices += 1;
		if (ran > this.stats.longestMs) this.stats.longestMs = ran;
	}
}

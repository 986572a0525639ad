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
}

export type Yielder = () => Promise<void>;

/** A macrotask turn: lets the UI handle input and paint. */
export const yieldToUi: Yielder = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

export class TimeSlicer {
	private sliceStart: number;
	private readonly began: number;
	readonly stats: SliceStats = { slices: 0, longestMs: 0, totalMs: 0 };

	constructor(
		private readonly budgetMs: number,
		private readonly yielder: Yielder = yieldToUi,
		private readonly clock: () => number = () => performance.now(),
	) {
		this.sliceStart = clock();
		this.began = this.sliceStart;
	}

	/** Yields when the current slice has used its budget. */
	async tick(): Promise<void> {
		const now = this.clock();
		if (now - this.sliceStart < this.budgetMs) return;
		this.close(now);
		await this.yielder();
		this.sliceStart = this.clock();
	}

	/** Ends the last slice; returns the stats. */
	finish(): SliceStats {
		const now = this.clock();
		this.close(now);
		this.sliceStart = now;
		this.stats.totalMs = now - this.began;
		return this.stats;
	}

	private close(now: number): void {
		const ran = now - this.sliceStart;
		this.stats.slices += 1;
		if (ran > this.stats.longestMs) this.stats.longestMs = ran;
	}
}

/**
 * A progress line on stderr while a big vault is read: shown only when the
 * work has taken over a second and stderr is a terminal, rewritten in place at
 * most ten times a second, and erased when done.
 */
export interface ProgressStream {
	isTTY?: boolean;
	write(s: string): unknown;
}

export class Progress {
	private readonly start: number;
	private lastDraw = 0;
	private shown = false;

	constructor(
		private readonly stream: ProgressStream,
		private readonly delayMs = 1000,
		private readonly now: () => number = Date.now,
	) {
		this.start = now();
	}

	/** Call often: cheap when nothing is drawn. */
	tick(done: number, total: number, what = 'Reading notes'): void {
		if (this.stream.isTTY !== true) return;
		const t = this.now();
		if (t - this.start < this.delayMs || t - this.lastDraw < 100) return;
		this.lastDraw = t;
		this.shown = true;
		this.stream.write(`\r\u001b[2K${what}… ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`);
	}

	/** Erases the line, if one was drawn. */
	done(): void {
		if (this.shown) this.stream.write('\r\u001b[2K');
		this.shown = false;
	}
}

/**
 * The progress line for a command: on stderr, after a second (tests may set
 * INTERVIEW_FOLLOWUPS_PROGRESS_AFTER_MS to see it on a small vault).
 */
export function progressFor(io: { stderr: ProgressStream; env: Record<string, string | undefined> }): Progress {
	const after = Number(io.env.INTERVIEW_FOLLOWUPS_PROGRESS_AFTER_MS);
	return new Progress(io.stderr, Number.isFinite(after) && after >= 0 ? after : 1000);
}

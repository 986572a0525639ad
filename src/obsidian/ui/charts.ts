/**
 * The pipeline's two bar charts, drawn as SVG with Obsidian's `createSvg`
 * (no charting library: two kinds of bars need none, and SVG takes the
 * theme's CSS variables through classes). Each chart is an image with a text
 * alternative (`role="img"`, `aria-label`, `<title>`), and every bar carries
 * its value in `data-value` and a `<title>` shown on hover.
 */
import type { Chart } from '../presenters/pipeline';

/** An SVG element holding `text` (a `<title>` or a `<text>`). */
function svgWithText<K extends 'title' | 'text'>(parent: SVGElement, tag: K, text: string, o: { cls?: string; attr?: Record<string, number> } = {}): void {
	parent.createSvg(tag, o, (el) => {
		el.textContent = text;
	});
}

const ROW = 26;
const LABEL_W = 104;
const BAR_W = 160;

function svgRoot(parent: HTMLElement, chart: Chart, width: number, height: number, cls: string): SVGSVGElement {
	const svg = parent.createSvg('svg', {
		cls: `ifu-chart-svg ${cls}`,
		// Drawn at its own size (text stays the theme's size), shrunk to fit a narrower pane.
		attr: { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': chart.alt, focusable: 'false' },
	});
	svgWithText(svg, 'title', chart.alt);
	return svg;
}

function bar(svg: SVGSVGElement, cls: string, series: string, label: string, value: number, x: number, y: number, w: number, h: number): void {
	const rect = svg.createSvg('rect', {
		cls: `ifu-bar ${cls}`,
		attr: { x, y, width: Math.max(0, w), height: Math.max(0, h), rx: 2, 'data-series': series, 'data-label': label, 'data-value': value },
	});
	svgWithText(rect, 'title', `${label}: ${value} ${series.toLowerCase()}`);
}

/** Horizontal bars, one per step, the label on the left and the value after the bar. */
export function renderFunnel(parent: HTMLElement, chart: Chart): void {
	const figure = parent.createEl('figure', { cls: 'ifu-chart ifu-chart-funnel' });
	figure.createEl('figcaption', { text: chart.title, cls: 'ifu-chart-title' });
	const series = chart.series[0];
	const max = Math.max(1, ...series.bars.map((b) => b.value));
	const width = LABEL_W + BAR_W + 32;
	const svg = svgRoot(figure, chart, width, series.bars.length * ROW, 'ifu-funnel-svg');
	series.bars.forEach((b, i) => {
		const y = i * ROW;
		svgWithText(svg, 'text', b.label, { cls: 'ifu-chart-label', attr: { x: 0, y: y + ROW / 2 + 4 } });
		const w = (b.value / max) * BAR_W;
		bar(svg, series.cls, series.name, b.label, b.value, LABEL_W, y + 4, w, ROW - 8);
		svgWithText(svg, 'text', String(b.value), { cls: 'ifu-chart-value', attr: { x: LABEL_W + w + 4, y: y + ROW / 2 + 4 } });
	});
}

/** Vertical bars, a pair per week (interviews, decisions), with a legend below. */
export function renderWeeks(parent: HTMLElement, chart: Chart): void {
	const figure = parent.createEl('figure', { cls: 'ifu-chart ifu-chart-weeks' });
	figure.createEl('figcaption', { text: chart.title, cls: 'ifu-chart-title' });
	const weeks = chart.series[0].bars.length;
	if (weeks === 0) {
		figure.createDiv({ cls: 'ifu-chart-empty', text: chart.alt });
		return;
	}
	// Wide slots for a few weeks, narrow ones for a long search.
	const slot = Math.max(20, Math.min(56, Math.floor(320 / weeks)));
	const plotH = 100;
	const labelH = 16;
	const width = weeks * slot;
	const max = Math.max(1, ...chart.series.flatMap((s) => s.bars.map((b) => b.value)));
	const svg = svgRoot(figure, chart, width, plotH + labelH, 'ifu-weeks-svg');
	svg.createSvg('line', { cls: 'ifu-chart-axis', attr: { x1: 0, y1: plotH, x2: width, y2: plotH } });
	// Label every week when there is room, else every few weeks.
	const every = Math.max(1, Math.ceil(weeks / Math.floor(width / 56)));
	const barW = (slot - 6) / chart.series.length;
	for (let i = 0; i < weeks; i++) {
		const x0 = i * slot + 3;
		chart.series.forEach((s, k) => {
			const b = s.bars[i];
			const h = (b.value / max) * (plotH - 4);
			bar(svg, s.cls, s.name, `Week of ${b.label}`, b.value, x0 + k * barW, plotH - h, barW - 1, h);
		});
		if (i % every === 0) {
			svgWithText(svg, 'text', chart.series[0].bars[i].label, { cls: 'ifu-chart-label', attr: { x: x0, y: plotH + labelH - 3 } });
		}
	}
	const legend = figure.createDiv({ cls: 'ifu-chart-legend' });
	for (const s of chart.series) {
		const item = legend.createSpan({ cls: 'ifu-legend-item' });
		item.createSpan({ cls: `ifu-legend-swatch ${s.cls}` });
		item.appendText(s.name);
	}
}

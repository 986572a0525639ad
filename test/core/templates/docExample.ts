/** The example docs/templates.md shows: the Acme Finance note of note-format.md, filled for each kind. */
import { buildTemplateContext, renderTemplate, type TemplateContext, type TemplateKind } from '../../../src/core/templates';
import { acme } from './fixtures';

const settings = { userName: 'Sam Lee', userPhone: '+1 555 0100' };

/** The view of the variables table: thanking Jane Doe on 2026-11-17. */
export function docExampleView(): TemplateContext {
	const { jane, app, index } = acme();
	return buildTemplateContext({ application: app, person: jane, index, today: '2026-11-17', settings });
}

export function docExample(kind: TemplateKind): { today: string; markdown: string } {
	const { jane, ann, app, index } = acme();
	const today = kind === 'thank-you' || kind === 'ask-timeline' ? '2026-11-17' : kind === 'prepare' ? '2026-11-20' : '2026-11-27';
	const round = kind === 'prepare' ? { ...app, interviews: [{ ...app.interviews[0], nextInterview: { date: '2026-11-24', time: '10:00', offset: null } }] } : app;
	const r = renderTemplate(
		kind,
		buildTemplateContext({ kind, application: round, person: kind === 'reference-alert' ? ann : jane, index, today, settings }),
	);
	return { today: `today ${today}`, markdown: r.markdown };
}

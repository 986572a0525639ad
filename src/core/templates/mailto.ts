/**
 * `mailto:` links (RFC 6068) for the email form of a template.
 */
import { wellFormed } from './text';
import { withoutUnfilledPlaceholders } from './wording';

/**
 * The characters a plausible address may hold: the WHATWG HTML "valid e-mail
 * address" local part, and a domain of dot-separated labels (at least two).
 */
const EMAIL_RE =
	/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * Whether `value` is a plausible email address to put in a `mailto:` link:
 * one `@`, an ASCII local part of the characters HTML allows, a domain with a
 * dot, at most 254 characters, no dot at either end of the local part and no
 * two dots in a row. Anything else (`javascript:alert(1)`, a name, a URL, a
 * value with spaces or line breaks) is refused.
 */
export function isPlausibleEmail(value: unknown): value is string {
	if (typeof value !== 'string' || value.length > 254 || !EMAIL_RE.test(value)) return false;
	const local = value.slice(0, value.lastIndexOf('@'));
	return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

/**
 * RFC 6068 `qchar`: unreserved characters and `some-delims` may stand as they
 * are in the address; everything else is percent-encoded.
 */
const ADDRESS_SAFE = /[A-Za-z0-9\-._~!$'()*+,;:@]/;

function encodeAddress(address: string): string {
	let out = '';
	for (const ch of address) out += ADDRESS_SAFE.test(ch) ? ch : encodeURIComponent(ch);
	return out;
}

/** Text for a header field value in the link: percent-encoded UTF-8, spaces as `%20` (never `+`). */
function encodeField(text: string): string {
	return encodeURIComponent(wellFormed(text));
}

/**
 * A `mailto:` link to `address` with the subject and body filled in, or null
 * when the address is not a plausible email address (never a link built from
 * a hostile value). Line breaks in the body become CRLF (`%0D%0A`), as RFC 6068
 * requires. The link sends the message as it is, so a gift sentence whose
 * placeholder was never filled is left out (./wording.ts).
 */
export function mailtoLink(address: unknown, subject: string | null, body: string | null): string | null {
	if (!isPlausibleEmail(address)) return null;
	const fields: string[] = [];
	if (subject !== null && subject !== '') fields.push(`subject=${encodeField(subject.replace(/[\r\n]+/g, ' '))}`);
	const text = body === null ? '' : withoutUnfilledPlaceholders(body.replace(/\r\n|\r/g, '\n'));
	if (text !== '') fields.push(`body=${encodeField(text.replace(/\n/g, '\r\n'))}`);
	return `mailto:${encodeAddress(address)}${fields.length > 0 ? `?${fields.join('&')}` : ''}`;
}

/**
 * The one way the tool puts a string into YAML: a double-quoted scalar that
 * every YAML 1.2 reader (the `yaml` library, js-yaml as Obsidian uses it)
 * reads back as exactly that string. Control characters, DEL, C1 controls,
 * line and paragraph separators and the byte order mark are escaped, as YAML
 * allows only printable characters raw; a lone surrogate becomes U+FFFD.
 */
/** A surrogate pair, or a lone surrogate (no lookbehind: older iOS WebViews cannot parse it). */
const SURROGATES = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;

/** Replaces lone UTF-16 surrogates (which `encodeURIComponent` would throw on) with U+FFFD. */
export function wellFormed(text: string): string {
	return text.replace(SURROGATES, (m) => (m.length === 2 ? m : '\uFFFD'));
}

// eslint-disable-next-line no-control-regex -- escaping control characters is the point
const YAML_ESCAPE = /["\\\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

/** Characters YAML does not allow raw (outside c-printable), which only a double-quoted escape can carry. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const NOT_PRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFEFF\uFFFE\uFFFF]/;

export function quotedYaml(text: string): string {
	const body = wellFormed(text).replace(YAML_ESCAPE, (c) =>
		c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
	);
	return `"${body}"`;
}

/**
 * A text as a YAML scalar, as Branchpoint writes scenario files (the
 * SilverDecisions import, the editor's forms): plain where that is
 * unambiguous — in a block or inside `{ … }` and `[ … ]` alike — else
 * double-quoted, JSON's escapes being YAML's. Pure.
 */
export function yamlText(text: string): string {
	const plain = /^\p{L}[\p{L}\p{N} _.()'’\-–/?!、。・「」『』（）]*$/u.test(text) && !/\s$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text);
	return plain ? text : JSON.stringify(text);
}

/** Marks a place in a message where the view draws markup (a name in bold, a link, a checkbox). */
const SLOT = '\u0000';

/** The placeholder value that marks `name`'s place in a message. */
export const slot = (name: string): string => SLOT + name + SLOT;

/**
 * A message cut at its slots, so a view can draw markup where the language
 * puts it: even pieces are text, odd ones name the slot that goes there.
 */
export const cut = (text: string): string[] => text.split(SLOT);

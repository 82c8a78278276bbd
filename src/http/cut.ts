/**
 * Cutting text to a length without splitting a character.
 *
 * @module
 */

/**
 * `text` cut to at most `maxBytes` bytes of UTF-8, never splitting a character (a character that
 * does not fit whole is left out). `maxBytes` is a non-negative whole number or `Infinity`.
 *
 * @example
 * cutBytes('aa€', 4) // 'aa' (€ takes 3 bytes)
 */
export function cutBytes(text: string, maxBytes: number): string {
  // A UTF-16 unit never takes more than 3 bytes: short text needs no encoding.
  return text.length * 3 <= maxBytes
    ? text
    : text.slice(0, new TextEncoder().encodeInto(text, new Uint8Array(maxBytes)).read)
}

/** @internal `text` cut to at most `max` UTF-16 units, never ending in the first half of a surrogate pair. */
export function cutUnits(text: string, max: number): string {
  return text.slice(0, (text.charCodeAt(max - 1) & 0xfc00) === 0xd800 ? max - 1 : max)
}

/**
 * Reading a field of what the caller or a server gave, past a polluted `Object.prototype`.
 *
 * @module
 */

/**
 * `value[key]`, or `undefined` when the value would come from `Object.prototype` itself: another
 * package that assigned `Object.prototype.status` or `.operation` sets no field of an init, an
 * option bag, a body or a client's error. A field of the value or of its own classes (a
 * `Response`'s `status` getter) is read as usual. May throw, as the read itself may (a Proxy's trap).
 *
 * @example
 * fieldOf({}, 'status') // undefined, even after `Object.prototype.status = 500`
 */
export function fieldOf(value: unknown, key: PropertyKey): unknown {
  const object = Object(value) as Record<PropertyKey, unknown>
  // Only a polluted Object.prototype holds such a key: the walk is for that case alone.
  if (Object.hasOwn(Object.prototype, key)) {
    let holder: object | null = object
    // Object.prototype holds the key: the walk stops there at the latest, or at a prototype-less end.
    while (holder !== null && !Object.hasOwn(holder, key)) {
      holder = Object.getPrototypeOf(holder)
    }
    if (holder === Object.prototype) return undefined
  }
  return object[key]
}

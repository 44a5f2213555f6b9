/** Small sharp checks (after Signal Desktop's `strictAssert` and `missingCaseError`). */

export function strictAssert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

/** Call in the `default` of a `switch` that must handle every case; it fails to compile otherwise. */
export function missingCaseError(value: never): Error {
  return new TypeError(`Unhandled case: ${String(value)}`);
}

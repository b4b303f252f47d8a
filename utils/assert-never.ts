/**
 * The last branch of a switch over a closed union (actions, item kinds,
 * doneWhen…): the compiler names every switch that misses a case when the
 * union grows, and reaching it at run time is a bug, said loudly.
 */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}

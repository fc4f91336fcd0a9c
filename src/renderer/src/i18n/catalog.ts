/**
 * The shape a translation must have: the English catalog's keys, every one, and no others,
 * each leaf any string. `const nl: Catalog<typeof en> = {…}` makes `tsc` fail on a missing key
 * (a required property) and on an extra or misspelt one (an excess property).
 */
export type Catalog<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Catalog<T[K]>;
};

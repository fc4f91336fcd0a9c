/** The library: grid, filters, player, clip actions, server history, folder. */
export const library = {
  clipCount_one: '{{count, number}} clip',
  clipCount_other: '{{count, number}} clips',
} as const;

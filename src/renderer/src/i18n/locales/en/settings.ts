/** Settings and the first-run screen. */
export const settings = {
  language: {
    legend: 'Language',
    system: 'System ({{language}})',
    hint: 'System follows the language of your computer or browser.',
  },
  budget: {
    problem:
      'Enter an amount in dollars, such as 5, 12.50 or 12,50 (no thousands separators), or leave it empty for no limit.',
  },
} as const;

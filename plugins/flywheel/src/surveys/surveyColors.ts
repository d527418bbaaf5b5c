/** Colors of NPS categories and satisfaction, shared by the result charts. */
export const CATEGORY_COLORS = {
  promoter: '#2e7d32',
  passive: '#b8a23a',
  detractor: '#c62828',
  satisfied: '#2e7d32',
  neutral: '#9e9e9e',
  unsatisfied: '#c62828',
  other: '#5b8cc4',
} as const;

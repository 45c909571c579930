/** Merchant categories are stored in English (as the merchant records are), shown in the console's language. */
export const CATEGORIES: Record<string, string> = {
  'Food & beverage': 'FOOD_BEVERAGE',
  Retail: 'RETAIL',
  'Books & media': 'BOOKS_MEDIA',
  'Beauty & health': 'BEAUTY',
  Travel: 'TRAVEL',
  Services: 'SERVICES',
  Other: 'OTHER',
};

/** A stored category in the console's language; one the console does not know is shown as stored. */
export function categoryLabel(translate: (key: string, options?: Record<string, unknown>) => string, value: string): string {
  const key = CATEGORIES[value];
  return key ? translate(`mop.categories.${key}`, { _: value }) : value;
}

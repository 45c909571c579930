/** "7 h" or "2 d 3 h", through the console's messages. */
export function formatAge(hours: number, translate: (key: string, options?: object) => string): string {
  const whole = Math.max(0, Math.floor(hours));
  if (whole < 1) return translate('mop.review.age_new');
  if (whole < 48) return translate('mop.review.age_hours', { hours: whole });
  return translate('mop.review.age_days', { days: Math.floor(whole / 24), hours: whole % 24 });
}

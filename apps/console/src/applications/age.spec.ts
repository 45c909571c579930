import { formatAge } from './age';

const translate = (key: string, options?: object) => `${key}${options ? JSON.stringify(options) : ''}`;

describe('formatAge', () => {
  it('says "new" under an hour, hours under two days, then days and hours', () => {
    expect(formatAge(0.4, translate)).toBe('mop.review.age_new');
    expect(formatAge(5.9, translate)).toBe('mop.review.age_hours{"hours":5}');
    expect(formatAge(47, translate)).toBe('mop.review.age_hours{"hours":47}');
    expect(formatAge(50, translate)).toBe('mop.review.age_days{"days":2,"hours":2}');
  });
});

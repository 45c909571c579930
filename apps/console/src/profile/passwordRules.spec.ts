import { validatePasswordChange } from './passwordRules';

describe('password change validation', () => {
  const valid = { currentPassword: 'Demo#2026pass', newPassword: 'Better#2026pass', confirmPassword: 'Better#2026pass' };

  it('accepts a valid change', () => {
    expect(validatePasswordChange(valid)).toEqual({});
  });

  it('requires every field', () => {
    expect(validatePasswordChange({ currentPassword: '', newPassword: '', confirmPassword: '' })).toEqual({
      currentPassword: 'ra.validation.required',
      newPassword: 'ra.validation.required',
      confirmPassword: 'ra.validation.required',
    });
  });

  it('rejects short, simple, unchanged and mismatched passwords', () => {
    expect(validatePasswordChange({ ...valid, newPassword: 'Ab1', confirmPassword: 'Ab1' }).newPassword).toBe('mop.profile.password_too_short');
    expect(validatePasswordChange({ ...valid, newPassword: 'abcdefghijkl', confirmPassword: 'abcdefghijkl' }).newPassword).toBe('mop.profile.password_too_simple');
    expect(validatePasswordChange({ ...valid, newPassword: valid.currentPassword, confirmPassword: valid.currentPassword }).newPassword).toBe('mop.profile.password_same');
    expect(validatePasswordChange({ ...valid, confirmPassword: 'Other#2026pass' }).confirmPassword).toBe('mop.profile.password_mismatch');
  });
});

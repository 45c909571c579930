export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export const MIN_PASSWORD_LENGTH = 10;

/** Client-side checks before asking the server; each error is an i18n key, keyed by field. */
export function validatePasswordChange(input: PasswordChange): Partial<Record<keyof PasswordChange, string>> {
  const errors: Partial<Record<keyof PasswordChange, string>> = {};
  if (!input.currentPassword) errors.currentPassword = 'ra.validation.required';
  if (!input.newPassword) errors.newPassword = 'ra.validation.required';
  else if (input.newPassword.length < MIN_PASSWORD_LENGTH) errors.newPassword = 'mop.profile.password_too_short';
  else if (!/[A-Za-z]/.test(input.newPassword) || !/[^A-Za-z]/.test(input.newPassword))
    errors.newPassword = 'mop.profile.password_too_simple';
  else if (input.newPassword === input.currentPassword) errors.newPassword = 'mop.profile.password_same';
  if (!input.confirmPassword) errors.confirmPassword = 'ra.validation.required';
  else if (input.confirmPassword !== input.newPassword) errors.confirmPassword = 'mop.profile.password_mismatch';
  return errors;
}

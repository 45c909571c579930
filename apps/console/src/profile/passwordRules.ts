export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export const MIN_PASSWORD_LENGTH = 10;

/** The rules every new password follows; the i18n key of the first one broken, or undefined. */
export function validateNewPassword(password: string): string | undefined {
  if (!password) return 'ra.validation.required';
  if (password.length < MIN_PASSWORD_LENGTH) return 'mop.profile.password_too_short';
  if (!/[A-Za-z]/.test(password) || !/[^A-Za-z]/.test(password)) return 'mop.profile.password_too_simple';
  return undefined;
}

/** Client-side checks before asking the server; each error is an i18n key, keyed by field. */
export function validatePasswordChange(input: PasswordChange): Partial<Record<keyof PasswordChange, string>> {
  const errors: Partial<Record<keyof PasswordChange, string>> = {};
  if (!input.currentPassword) errors.currentPassword = 'ra.validation.required';
  const newPasswordError = validateNewPassword(input.newPassword);
  if (newPasswordError) errors.newPassword = newPasswordError;
  else if (input.newPassword === input.currentPassword) errors.newPassword = 'mop.profile.password_same';
  if (!input.confirmPassword) errors.confirmPassword = 'ra.validation.required';
  else if (input.confirmPassword !== input.newPassword) errors.confirmPassword = 'mop.profile.password_mismatch';
  return errors;
}

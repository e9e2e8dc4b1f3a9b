import { TunesError } from '../../errors.js';

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 1024;

export function validateUsername(username: string): void {
  if (!USERNAME.test(username)) {
    throw new TunesError(
      'invalid_input',
      'username must be 3-32 characters: letters, digits, "_", "." or "-"',
    );
  }
}

export function validatePassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw new TunesError('invalid_input', `password must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters`);
  }
}

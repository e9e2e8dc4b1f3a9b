import { TunesError } from '../../src/errors.js';

/** "code: message" of the TunesError a promise rejects with, or "no error". */
export async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TunesError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

import type { User } from '../../domain/user.js';

/** An account: the same object as the HTTP API's. */
export function presentUser(user: User) {
  return { id: user.id, username: user.username, role: user.role };
}

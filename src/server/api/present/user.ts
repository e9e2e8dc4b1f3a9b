import type { User } from '../../../domain/user.js';

export function presentUser(user: User) {
  return { id: user.id, username: user.username, role: user.role };
}

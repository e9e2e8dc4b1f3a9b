import type { User, UserListing } from '../../domain/user.js';

/** An account: the same object as the HTTP API's. */
export function presentUser(user: User) {
  return { id: user.id, username: user.username, role: user.role };
}

/** An account in an admin's list: when it was made and last used (null: never). */
export function presentUserListing(user: UserListing) {
  return { ...presentUser(user), created_at: user.created_at, last_seen_at: user.last_seen_at };
}

/** What `tunes users remove` took with the account. */
export function presentRemovedUser(removed: { user: User; playlists: number; likes: number; plays: number; sessions: number }) {
  return { username: removed.user.username, playlists: removed.playlists, likes: removed.likes, plays: removed.plays, sessions: removed.sessions };
}

/** A password change: whose, and how many sessions it ended. */
export function presentPasswordChange(change: { user: User; endedSessions: number }) {
  return { username: change.user.username, ended_sessions: change.endedSessions };
}

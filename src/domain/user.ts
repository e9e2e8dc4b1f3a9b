export type Role = 'admin' | 'user';

/** An account as everything outside the auth code sees it: never with its password hash. */
export interface User {
  id: number;
  username: string;
  role: Role;
  created_at: string;
}

/** A login session; the token itself is never stored, only its hash (which stays in src/db). */
export interface Session {
  id: number;
  user_id: number;
  created_at: string;
  last_used_at: string;
  expires_at: string;
}

/** An account as an admin's list shows it: when one of its sessions was last used (null: never). */
export interface UserListing extends User {
  last_seen_at: string | null;
}

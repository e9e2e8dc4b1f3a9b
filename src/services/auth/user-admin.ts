import type { Kysely } from 'kysely';
import { TunesError } from '../../errors.js';
import type { Database } from '../../db/schema.js';
import type { User, UserListing } from '../../domain/user.js';
import * as users from '../../db/repositories/users.js';
import { writeTransaction } from '../../db/write-transaction.js';
import type { AuthService } from './auth-service.js';

export type Role = 'admin' | 'user';
export const ROLES: readonly Role[] = ['admin', 'user'];

/** What an account took with it: its playlists, likes, plays (history) and sessions. */
export interface RemovedUser extends users.OwnedCounts {
  user: User;
}

/**
 * Accounts as an admin manages them. Every method needs an admin; the actor's role is read again
 * inside each write, so an admin demoted a moment ago by another process cannot act on the old role.
 * The library always keeps one admin: the last one can be neither demoted nor removed.
 */
export interface UserAdminService {
  list(actor: User): Promise<UserListing[]>;
  add(actor: User, username: string, password: string, options?: { role?: Role }): Promise<User>;
  /** What removing `username` would take with it, without removing anything (for the question). */
  preview(actor: User, username: string): Promise<RemovedUser>;
  remove(actor: User, username: string): Promise<RemovedUser>;
  /** `changed` is false when the user already had that role. */
  setRole(actor: User, username: string, role: Role): Promise<{ user: User; changed: boolean }>;
  /** Sets another user's password (no current one needed); every session of theirs ends. */
  resetPassword(actor: User, username: string, password: string): Promise<{ user: User; endedSessions: number }>;
}

export function createUserAdminService({ db, auth }: { db: Kysely<Database>; auth: AuthService }): UserAdminService {
  const target = async (trx: Kysely<Database>, username: string): Promise<User> => {
    const user = await users.findUserByName(trx, username);
    if (!user) throw new TunesError('not_found', `no user "${username}"`);
    return user;
  };

  return {
    async list(actor) {
      await requireAdmin(db, actor);
      return users.listUsers(db);
    },

    async add(actor, username, password, { role = 'user' } = {}) {
      await requireAdmin(db, actor);
      if (!ROLES.includes(role)) throw badRole(role);
      return auth.createAccount(username, password, { role });
    },

    async preview(actor, username) {
      await requireAdmin(db, actor);
      const user = await target(db, username);
      refuseSelf(actor, user, 'remove');
      return { user, ...(await users.countOwned(db, user.id)) };
    },

    remove: (actor, username) =>
      writeTransaction(db, async (trx) => {
        await requireAdmin(trx, actor);
        const user = await target(trx, username);
        refuseSelf(actor, user, 'remove');
        const counts = await users.countOwned(trx, user.id);
        if (!(await users.deleteUserKeepingAnAdmin(trx, user.id))) throw lastAdmin(user, 'removed');
        return { user, ...counts };
      }),

    setRole: (actor, username, role) =>
      writeTransaction(db, async (trx) => {
        if (!ROLES.includes(role)) throw badRole(role);
        await requireAdmin(trx, actor);
        const user = await target(trx, username);
        if (user.role === role) return { user, changed: false };
        if (!(await users.setRoleKeepingAnAdmin(trx, user.id, role))) throw lastAdmin(user, 'demoted');
        return { user: { ...user, role }, changed: true };
      }),

    async resetPassword(actor, username, password) {
      await requireAdmin(db, actor);
      const user = await target(db, username);
      return { user, ...(await auth.replacePassword(user.id, password)) };
    },
  };
}

async function requireAdmin(db: Kysely<Database>, actor: User): Promise<void> {
  const fresh = await users.findUserById(db, actor.id);
  if (fresh?.role !== 'admin') throw new TunesError('forbidden', 'only an admin can manage accounts');
}

function refuseSelf(actor: User, user: User, what: string): void {
  if (actor.id === user.id) {
    throw new TunesError('forbidden', `you cannot ${what} your own account`, 'another admin can do it');
  }
}

function lastAdmin(user: User, what: string): TunesError {
  return new TunesError('forbidden', `${user.username} is the last admin and cannot be ${what}`, 'make another account admin first');
}

function badRole(role: string): TunesError {
  return new TunesError('invalid_input', `a role is admin or user (got "${role}")`);
}

// What the users screen shares: the API's shapes, and who may administer accounts.
import type { Static } from 'typebox';
import type { Bureau, UserBody } from '../../../../src/modules/bureaus/schema.ts';
import type { Me } from '../../api.ts';

export type { UserBody };
export type BureauT = Static<typeof Bureau>;

/** Admins manage the accounts of their bureau (the coordinating bureau's, every bureau's): the server decides, this hides a refused screen. */
export function mayManageUsers(me: Me | undefined): boolean {
  return me?.roles.includes('admin') ?? false;
}

/** A user's name and username matched against typed words, ignoring case. */
export function matchesWords(user: UserBody, words: string): boolean {
  const wanted = words.trim().toLowerCase();
  return !wanted || `${user.displayName} ${user.username}`.toLowerCase().includes(wanted);
}

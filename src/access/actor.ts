// Who is calling: the signed-in user with their bureau, roles and the operations their bureau
// takes part in. Every service method takes one as its first argument.

export const ROLES = ['admin', 'coordinator', 'officer', 'field', 'analyst', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export const BUREAU_KINDS = ['coordinator', 'national_bureau', 'border_agency', 'partner'] as const;
export type BureauKind = (typeof BUREAU_KINDS)[number];

export interface Actor {
  userId: string;
  username: string;
  bureauId: string;
  bureauCountry: string;
  bureauKind: BureauKind;
  roles: ReadonlySet<Role>;
  /** Operations the actor's bureau participates in or coordinates. */
  operationIds: ReadonlySet<string>;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.has(role));
}

/** True when the actor's bureau takes part in the operation (participant or coordinator). */
export function takesPart(actor: Actor, operationId: string): boolean {
  return actor.operationIds.has(operationId);
}

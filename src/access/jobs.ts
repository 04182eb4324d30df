// Who sees a background job: the user who started it, and the coordinators and admins of that
// user's bureau (who answer for its work). Nobody else learns that it exists. A job's file holds
// what its starter may see (an officer's export has the child victims of their own bureau's cases,
// which a coordinator may not identify), so only the starter downloads it, and only while they may
// still make that export.
import { type Actor, hasRole } from './actor.ts';

export interface JobOwner {
  created_by: string;
  owner_bureau_id: string;
}

/** Seeing a job is also cancelling it. @example canSeeJob(coordinatorOfSameBureau, job) // true */
export function canSeeJob(actor: Actor, job: JobOwner): boolean {
  return job.created_by === actor.userId || (seesBureauJobs(actor) && job.owner_bureau_id === actor.bureauId);
}

/** Coordinators and admins see every job of their bureau. */
export function seesBureauJobs(actor: Actor): boolean {
  return hasRole(actor, 'coordinator', 'admin');
}

/** The job's file: its starter's alone. */
export function canDownloadJobResult(actor: Actor, job: JobOwner): boolean {
  return job.created_by === actor.userId;
}

import type { SweepName } from '../../../shared/contracts/constants';
import type { ExtendRetention, GetPurgeQueue, ListJobs, LiftLegalHold, PlaceLegalHold, RunJob } from '../../../shared/contracts/retention';
import { action, path, query } from './request';

/** The Data Retention page: the purge queue, retention changes and legal holds. */
export const retention = {
  queue: (params: GetPurgeQueue.Request['query']) => query<GetPurgeQueue.Response>(path`/retention/queue`, params),
  extend: (organizationId: string, body: ExtendRetention.Request['body']) =>
    action<ExtendRetention.Response>('POST', path`/organizations/${organizationId}/retention/extend`, body),
  hold: (organizationId: string, body: PlaceLegalHold.Request['body']) =>
    action<PlaceLegalHold.Response>('POST', path`/organizations/${organizationId}/retention/hold`, body),
  liftHold: (organizationId: string) =>
    action<LiftLegalHold.Response>('DELETE', path`/organizations/${organizationId}/retention/hold`),
};

/** The sweeps of the durable queue. */
export const jobs = {
  list: () => query<ListJobs.Response>(path`/jobs`),
  run: (name: SweepName) => action<RunJob.Response>('POST', path`/jobs/${name}/run`),
};

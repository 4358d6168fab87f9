import type {
  CreatePolicy,
  CreateReason,
  ListPolicies,
  ListProvisioningPolicies,
  ListReasons,
  UpdatePolicy,
  UpdateProvisioningPolicy,
  UpdateReason,
} from '../../../shared/contracts/settings';
import { action, path, query } from './request';

/** Cancellation policies, provisioning policies and reasons: the settings pages and the dialogs' choices. */
export const policies = {
  list: () => query<ListPolicies.Response>(path`/policies`),
  create: (body: CreatePolicy.Request['body']) => action<CreatePolicy.Response>('POST', path`/policies`, body),
  update: (id: string, body: UpdatePolicy.Request['body']) => action<UpdatePolicy.Response>('PUT', path`/policies/${id}`, body),
};

export const provisioningPolicies = {
  list: () => query<ListProvisioningPolicies.Response>(path`/provisioning-policies`),
  update: (id: string, body: UpdateProvisioningPolicy.Request['body']) =>
    action<UpdateProvisioningPolicy.Response>('PUT', path`/provisioning-policies/${id}`, body),
};

export const reasons = {
  list: (params?: ListReasons.Request['query']) => query<ListReasons.Response>(path`/reasons`, params),
  create: (body: CreateReason.Request['body']) => action<CreateReason.Response>('POST', path`/reasons`, body),
  update: (id: string, body: UpdateReason.Request['body']) => action<UpdateReason.Response>('PUT', path`/reasons/${id}`, body),
};

import type { EntitlementClass, PolicySettings } from './constants';
import type { CancellationPolicy, CancellationReason, ProvisioningPolicy } from './entities';

/** One request and one response type per admin route of the settings pages (server/src/routes/admin.ts). */

/** The fields of a policy an admin sets; an update sends only those that changed. */
export interface PolicyInput extends Partial<PolicySettings> {
  name?: string;
  isDefault?: boolean;
  entitlementClass?: EntitlementClass | null;
}

/** The fields of a reason an admin sets; an update sends only those that changed (never the code). */
export type ReasonInput = Partial<Omit<CancellationReason, 'documentId'>>;

/** GET /policies */
export declare namespace ListPolicies {
  export interface Response {
    data: CancellationPolicy[];
  }
}

/** POST /policies */
export declare namespace CreatePolicy {
  export interface Request {
    body: PolicyInput & { name: string };
  }
  export interface Response {
    data: CancellationPolicy;
  }
}

/** PUT /policies/:id */
export declare namespace UpdatePolicy {
  export interface Request {
    params: { id: string };
    body: PolicyInput;
  }
  export interface Response {
    data: CancellationPolicy;
  }
}

/** GET /provisioning-policies */
export declare namespace ListProvisioningPolicies {
  export interface Response {
    data: ProvisioningPolicy[];
  }
}

/** PUT /provisioning-policies/:id */
export declare namespace UpdateProvisioningPolicy {
  export interface Request {
    params: { id: string };
    body: Pick<ProvisioningPolicy, 'deprovisionOnCancel'>;
  }
  export interface Response {
    data: ProvisioningPolicy;
  }
}

/** GET /reasons?appliesTo=&active= */
export declare namespace ListReasons {
  export interface Request {
    query: { appliesTo?: 'cancel' | 'suspend'; active?: boolean };
  }
  export interface Response {
    data: CancellationReason[];
  }
}

/** POST /reasons */
export declare namespace CreateReason {
  export interface Request {
    body: ReasonInput & { code: string; label: string };
  }
  export interface Response {
    data: CancellationReason;
  }
}

/** PUT /reasons/:id */
export declare namespace UpdateReason {
  export interface Request {
    params: { id: string };
    body: ReasonInput;
  }
  export interface Response {
    data: CancellationReason;
  }
}

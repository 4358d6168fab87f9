import type {
  BillingPeriod,
  DunningLevel,
  EntitlementStatus,
  SuspensionReason,
} from "../../../shared/contracts/constants";
import { toDate, type DateInput } from "../domain/dates";
import type { EntitlementState } from "../domain/entitlement-lifecycle";
import { fromStored } from "../utils/stored-status";

/** Reads the fields the state machine needs off a stored row, whatever the database's date shape. */
export const entitlementState = (
  stored: Record<string, unknown>,
): EntitlementState => {
  const row = fromStored(stored);
  return {
    status: row.status as EntitlementStatus,
    price: Number(row.price ?? 0),
    billingPeriod: (row.billingPeriod as BillingPeriod) ?? "none",
    currentPeriodStart: toDate(row.currentPeriodStart as DateInput),
    currentPeriodEnd: toDate(row.currentPeriodEnd as DateInput),
    suspensionReason: (row.suspensionReason as SuspensionReason | null) ?? null,
    graceEndsAt: toDate(row.graceEndsAt as DateInput),
    previousStatus: (row.previousStatus as EntitlementStatus | null) ?? null,
    cancelEffectiveAt: toDate(row.cancelEffectiveAt as DateInput),
    cancelledAt: toDate(row.cancelledAt as DateInput),
    suspendedAt: toDate(row.suspendedAt as DateInput),
    dunningStagesDone:
      row.dunningStagesDone === null || row.dunningStagesDone === undefined ? null : Number(row.dunningStagesDone),
    dunningLevel: (row.dunningLevel as DunningLevel | null) ?? null,
  };
};

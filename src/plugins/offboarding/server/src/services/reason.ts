import type { Core } from '@strapi/strapi';
import { SEEDED_REASONS } from '../../../shared/contracts/constants';
import type { CancellationReason } from '../../../shared/contracts/entities';
import { UID } from '../constants';
import { toApi } from '../utils/db';
import { conflictError, fieldError, notFound } from '../utils/errors';
import { getService } from '../utils';
import { changes, type Actor } from './audit';

const REASON_FIELDS = ['code', 'label', 'appliesToCancel', 'appliesToSuspend', 'active'];

export type ReasonUse = 'cancel' | 'suspend';

export interface ReasonInput {
  code?: string;
  label?: string;
  appliesToCancel?: boolean;
  appliesToSuspend?: boolean;
  active?: boolean;
}

const createReasonService = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.reason);

  return {
    async list(filter: { active?: boolean; appliesTo?: ReasonUse } = {}): Promise<CancellationReason[]> {
      const where: Record<string, unknown> = {};
      if (filter.active !== undefined) where.active = filter.active;
      if (filter.appliesTo === 'cancel') where.appliesToCancel = true;
      if (filter.appliesTo === 'suspend') where.appliesToSuspend = true;
      const rows = await query().findMany({ where, orderBy: [{ id: 'asc' }] });
      return rows.map((row: Record<string, unknown>) => toApi<CancellationReason>(row));
    },

    async create(input: Required<Pick<ReasonInput, 'code' | 'label'>> & ReasonInput, actor: Actor) {
      return strapi.db.transaction(async () => {
        const existing = await query().findOne({ where: { code: input.code } });
        if (existing) throw conflictError('reason.code_taken', `A reason with code "${input.code}" already exists`, { reasonCode: input.code });
        const row = await query().create({
          data: {
            code: input.code,
            label: input.label,
            appliesToCancel: input.appliesToCancel ?? true,
            appliesToSuspend: input.appliesToSuspend ?? false,
            active: input.active ?? true,
          },
        });
        await getService(strapi, 'events').emit({
          type: 'reason.created', actor, targetType: 'cancellation-reason', targetId: row.documentId, organization: null,
          ...changes(null, row, REASON_FIELDS),
        });
        return toApi<CancellationReason>(row);
      });
    },

    async update(documentId: string, input: ReasonInput, actor: Actor) {
      return strapi.db.transaction(async () => {
        const row = await query().findOne({ where: { documentId } });
        if (!row) throw notFound('reason', documentId);
        // Audit events and entitlements refer to reasons by code: a code never changes.
        if (input.code !== undefined && input.code !== row.code) {
          throw fieldError('code', 'a reason code cannot be changed; deactivate it and create another');
        }
        const { code: _code, ...data } = input;
        const updated = await query().update({ where: { id: row.id }, data });
        await getService(strapi, 'events').emit({
          type: 'reason.updated', actor, targetType: 'cancellation-reason', targetId: documentId, organization: null,
          ...changes(row, updated, REASON_FIELDS),
        });
        return toApi<CancellationReason>(updated);
      });
    },

    /** Every cancel and suspend records a reason: it must exist, be active and apply to that use. */
    async assertUsable(code: string, use: ReasonUse, field = 'reason') {
      const row = (await query().findOne({ where: { code } })) as CancellationReason | null;
      if (!row) throw fieldError(field, `unknown reason "${code}"`);
      if (!row.active) throw fieldError(field, `reason "${code}" is no longer active`);
      const applies = use === 'cancel' ? row.appliesToCancel : row.appliesToSuspend;
      if (!applies) throw fieldError(field, `reason "${code}" does not apply to ${use === 'cancel' ? 'cancellations' : 'suspensions'}`);
      return row;
    },

    /** Idempotent: adds the seeded reasons that are missing, leaves admins' edits alone. */
    async seed() {
      for (const reason of SEEDED_REASONS) {
        const existing = await query().findOne({ where: { code: reason.code }, select: ['id'] });
        if (!existing) await query().create({ data: { ...reason, active: true } });
      }
    },
  };
};

export type ReasonService = ReturnType<typeof createReasonService>;
export default createReasonService;

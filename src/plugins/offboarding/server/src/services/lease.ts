import { randomUUID } from 'crypto';
import { hostname } from 'os';
import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { getService } from '../utils';

/**
 * Database leases: at most one instance holds a sweep's lease at a time. Acquiring is one
 * conditional UPDATE, which PostgreSQL and MySQL serialize on the row and SQLite on the
 * database, so two instances can never both see themselves as the holder.
 */
const createLeaseService = ({ strapi }: { strapi: Core.Strapi }) => {
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const wallClock = () => getService(strapi, 'clock').system();

  const takeOver = async (name: string, ttlMs: number) => {
    const now = wallClock();
    const { count } = (await strapi.db.query(UID.lease).updateMany({
      where: {
        name,
        $or: [{ holder }, { holder: { $null: true } }, { expiresAt: { $null: true } }, { expiresAt: { $lt: now } }],
      },
      data: { holder, expiresAt: new Date(now.getTime() + ttlMs) },
    })) as { count: number };
    return count > 0;
  };

  /** Creates the lease row once; a concurrent creator loses on the unique name and that is fine. */
  const ensureRow = async (name: string) => {
    const { tableName } = strapi.db.metadata.get(UID.lease);
    const now = wallClock();
    await strapi.db
      .connection(tableName)
      .insert({ name, document_id: randomUUID().replace(/-/g, '').slice(0, 24), created_at: now, updated_at: now })
      .onConflict('name')
      .ignore();
  };

  return {
    holder,

    /** true when this instance now holds the lease (new, expired, or already its own: a renewal). */
    async acquire(name: string, ttlMs: number): Promise<boolean> {
      // A lease another instance holds is seen with a read: on SQLite even an UPDATE that
      // matches nothing takes the write lock, and the holder's next transaction, upgrading
      // from its reads, would then fail with "database is locked" (SQLITE_BUSY_SNAPSHOT).
      const seen = (await strapi.db.query(UID.lease).findOne({ where: { name }, select: ['holder', 'expiresAt'] })) as { holder: string | null; expiresAt: string | Date | null } | null;
      if (seen?.holder && seen.holder !== holder && seen.expiresAt && new Date(seen.expiresAt) >= wallClock()) return false;
      if (await takeOver(name, ttlMs)) return true;
      if (seen) return false;
      await ensureRow(name);
      return takeOver(name, ttlMs);
    },

    async release(name: string) {
      await strapi.db.query(UID.lease).updateMany({ where: { name, holder }, data: { holder: null, expiresAt: null } });
    },

    async current(name: string) {
      return strapi.db.query(UID.lease).findOne({ where: { name }, select: ['name', 'holder', 'expiresAt'] });
    },
  };
};

export type LeaseService = ReturnType<typeof createLeaseService>;
export default createLeaseService;

import type { Core } from '@strapi/strapi';

type Repository = ReturnType<Core.Strapi['db']['query']>;
type FindManyParams = Parameters<Repository['findMany']>[0];

export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * Strapi's `findPage`, with a page past the end answered from the count alone: an empty page
 * with the real totals. The row query only ever sees an offset below the row count, so a page
 * number in the trillions never reaches the database as an offset (SQLite wants an exact
 * integer, PostgreSQL a bigint, and knex parses `2.5e+21` as 2). A caller that knows the total
 * (the organizations list, off its counters) passes it and saves the count.
 */
export const findPageBounded = async (repository: Repository, params: FindManyParams & PageRequest & { total?: number | null }) => {
  const { page, pageSize, total: known, ...query } = params;
  const total = known ?? Number(await repository.count({ where: query.where }));
  const pagination = { page, pageSize, pageCount: Math.ceil(total / pageSize), total };
  const offset = (page - 1) * pageSize;
  if (offset >= total) return { results: [] as Record<string, unknown>[], pagination };
  const results = (await repository.findMany({ ...query, offset, limit: pageSize })) as Record<string, unknown>[];
  return { results, pagination };
};

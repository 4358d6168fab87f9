import type { Core } from '@strapi/strapi';
import request from 'supertest';

export interface AdminSession {
  token: string;
  email: string;
  userId: number;
}

let counter = 0;

const login = async (strapi: Core.Strapi, email: string, password: string) => {
  const res = await request(strapi.server.httpServer).post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token as string;
};

/**
 * An admin whose role holds exactly `actions` (Strapi action ids such as
 * `plugin::offboarding.read`), or a super admin when `actions` is 'super'.
 */
export const createAdmin = async (strapi: Core.Strapi, actions: 'super' | string[] = 'super'): Promise<AdminSession> => {
  counter += 1;
  const email = `admin${counter}-${process.pid}@test.local`;
  const password = 'Test-Password-123';
  let roleId: number;
  if (actions === 'super') {
    roleId = (await strapi.service('admin::role').getSuperAdmin()).id;
  } else {
    const role = await strapi.service('admin::role').create({ name: `role-${counter}-${process.pid}`, description: 'test role' });
    await strapi.service('admin::role').assignPermissions(role.id, actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })));
    roleId = role.id;
  }
  const user = await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: `Admin ${counter}`,
    password,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
  });
  return { token: await login(strapi, email, password), email, userId: user.id };
};

type Server = Core.Strapi['server']['httpServer'];

/** A supertest client sending a bearer token; both are looked up on each request, so it may be made before Strapi is up. */
export const bearerClient = (server: () => Server, token: () => string) => {
  const auth = () => ({ Authorization: `Bearer ${token()}` });
  return {
    get: (url: string) => request(server()).get(url).set(auth()),
    post: (url: string, body?: unknown) => request(server()).post(url).set(auth()).send(body as object),
    put: (url: string, body?: unknown) => request(server()).put(url).set(auth()).send(body as object),
    delete: (url: string) => request(server()).delete(url).set(auth()),
  };
};

/** A supertest client that sends the admin's bearer token. */
export const adminClient = (strapi: Core.Strapi, session: AdminSession) =>
  bearerClient(() => strapi.server.httpServer, () => session.token);

export type AdminClient = ReturnType<typeof adminClient>;

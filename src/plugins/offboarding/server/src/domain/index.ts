export * from './dates';
export * from './errors';
export * from './refund';
export * from './entitlement-lifecycle';
export * from './policy';
export * from './retention';
export * from './organization-status';
export * from './schedule';

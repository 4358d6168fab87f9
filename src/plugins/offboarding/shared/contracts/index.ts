export * from './constants';
export * from './entities';
export * from './api';
export * from './portal';
export * from './checklist';

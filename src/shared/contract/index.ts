export * from './names';
export * from './result';
export * from './contract';
export * from './dispatcher';
export * from './client';

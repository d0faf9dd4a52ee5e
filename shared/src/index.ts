export * from './ids';
export * from './money';

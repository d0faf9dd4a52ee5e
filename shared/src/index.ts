export * as catalogContracts from './contracts/catalog';
export * as partiesContracts from './contracts/parties';
export * from './ids';
export * from './money';
export * from './vocabulary';

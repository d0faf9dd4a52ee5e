// Messages of the lists screens; `en` must carry exactly the keys of `zh` (the type checks it).
export const zh = {} as const;
export const en: Record<keyof typeof zh, string> = {};

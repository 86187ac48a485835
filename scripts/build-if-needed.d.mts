export const root: string;
export const nextBin: string;
export const serverEntry: string;
export const distDir: string;
export function buildIfNeeded(): void;

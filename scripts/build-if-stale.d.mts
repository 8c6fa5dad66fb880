export const INPUTS: readonly string[];
export function inputsOf(root: string): string[];
export function newestMtime(path: string): number;
export function staleReason(root: string): string | undefined;

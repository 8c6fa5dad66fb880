export const URL_VAR: string;
/** Starts a throwaway cluster: its URL, and a stop() that removes every trace. */
export function startTestPostgres(log?: (line: string) => void): Promise<{ url: string; stop: () => void }>;

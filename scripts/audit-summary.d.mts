export function classifyAudit(stdout: string): { verdict: 'pass' | 'fail' | 'unavailable'; line: string };

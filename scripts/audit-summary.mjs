// Reads `npm audit --omit=dev --json` output and decides: any high or critical finding in a
// production dependency fails; an advisory endpoint that cannot be reached is said plainly, not
// taken for a pass (some registries and mirrors answer 405 to it).

/**
 * @param {string} stdout what `npm audit --json` printed
 * @returns {{ verdict: 'pass' | 'fail' | 'unavailable', line: string }}
 */
export function classifyAudit(stdout) {
  /** @type {any} */
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { verdict: 'unavailable', line: 'npm audit printed no JSON report: the advisory database was not reached.' };
  }
  if (report && typeof report === 'object' && report.error) {
    // npm 11 puts the HTTP failure in `message` and leaves error.summary empty.
    const summary = [report.error.summary, report.error.code, report.message, 'unknown error'].find((s) => typeof s === 'string' && s.trim() !== '');
    return { verdict: 'unavailable', line: `npm audit could not ask the advisory database (${String(summary).split('\n')[0]}); nothing was checked.` };
  }
  const v = report?.metadata?.vulnerabilities;
  if (!v || typeof v !== 'object') return { verdict: 'unavailable', line: 'npm audit answered without vulnerability counts.' };
  const high = Number(v.high ?? 0);
  const critical = Number(v.critical ?? 0);
  const counts = `critical ${critical}, high ${high}, moderate ${Number(v.moderate ?? 0)}, low ${Number(v.low ?? 0)}`;
  return high + critical > 0
    ? { verdict: 'fail', line: `npm audit --omit=dev: ${counts}. Upgrade the packages it names.` }
    : { verdict: 'pass', line: `npm audit --omit=dev: ${counts}.` };
}

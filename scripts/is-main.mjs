// Whether the module at `moduleUrl` (its import.meta.url) is the script Node was asked to run,
// rather than imported by a test or another script. Links are resolved on both sides.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** @param {string} moduleUrl */
export function isMain(moduleUrl) {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

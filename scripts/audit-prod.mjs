#!/usr/bin/env node
// `node scripts/audit-prod.mjs`: npm audit of the production dependencies. Exit 1 on a high or
// critical finding; exit 3 with a plain sentence when the advisory database cannot be reached
// (nothing was checked, which is not a pass).
import { spawnSync } from 'node:child_process';
import { classifyAudit } from './audit-summary.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
const { verdict, line } = classifyAudit(r.stdout ?? '');
console.log(verdict === 'unavailable' ? `${line} (audit unavailable)` : line);
process.exit(verdict === 'fail' ? 1 : verdict === 'unavailable' ? 3 : 0);

#!/usr/bin/env node
// Reads Stryker's JSON report (reports/mutation/mutation.json) and writes mutation/score.md: the
// mutation score overall and per file, the survivors per file, so the figure lives in the repo and
// a change that weakens the tests shows up in review. Plain Node ESM, built-ins only.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMain } from './is-main.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const reportPath = join(ROOT, 'reports', 'mutation', 'mutation.json');
const outPath = join(ROOT, 'mutation', 'score.md');

/** @typedef {{ status: string, mutatorName: string, location: { start: { line: number } }, replacement?: string }} Mutant */

const KILLED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** @param {Mutant[]} mutants */
export function scoreOf(mutants) {
  const counted = mutants.filter((m) => COUNTED.has(m.status));
  const killed = counted.filter((m) => KILLED.has(m.status)).length;
  return { killed, total: counted.length, score: counted.length === 0 ? 100 : (100 * killed) / counted.length };
}

function main() {
  /** @type {{ files: Record<string, { mutants: Mutant[] }> }} */
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const rows = Object.entries(report.files)
    .map(([file, { mutants }]) => ({ file: file.replace(/\\/g, '/'), ...scoreOf(mutants), survivors: mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage') }))
    .sort((a, b) => a.score - b.score);
  const all = scoreOf(Object.values(report.files).flatMap((f) => f.mutants));
  const lines = [
    '# Mutation score of the pure core',
    '',
    `Written by \`npm run mutate\` (StrykerJS, Vitest runner) on ${new Date().toISOString().slice(0, 10)}. Killed or timed-out mutants over every mutant that ran or had no test; the full report is reports/mutation/mutation.html (not committed).`,
    '',
    `**Overall: ${all.score.toFixed(1)} %** (${all.killed} of ${all.total})`,
    '',
    '| file | score | killed / mutants | survivors (line: mutator) |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.file} | ${r.score.toFixed(1)} % | ${r.killed} / ${r.total} | ${r.survivors.slice(0, 8).map((m) => `${m.location.start.line}: ${m.mutatorName}`).join(', ')}${r.survivors.length > 8 ? `, … ${r.survivors.length - 8} more` : ''} |`),
    '',
  ];
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, lines.join('\n'));
  console.log(`mutation score ${all.score.toFixed(1)} % (${all.killed} of ${all.total}); written to mutation/score.md`);
}

if (isMain(import.meta.url)) main();

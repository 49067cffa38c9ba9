import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { z } from 'zod';
import { missingTools } from './pdf-tools.js';

/**
 * veraPDF 1.28.2 (`org.verapdf.apps:greenfield-apps`, from Maven Central), the PDF/A validator of the
 * PDF Association, run on the JVM. `tools/verapdf/pom.xml` pins it; Maven resolves its classpath once
 * (into `~/.m2`), which is kept under `tools/verapdf/target/` keyed by the pom's hash, so later runs
 * start the JVM straight away.
 */
const TOOL_DIR = resolve(fileURLToPath(import.meta.url), '../../../../tools/verapdf');
const POM = join(TOOL_DIR, 'pom.xml');
const MAIN_CLASS = 'org.verapdf.apps.GreenfieldCliWrapper';
const JVM_TOOLS = ['java', 'mvn'] as const;

/** The jars of veraPDF and its dependencies, resolved by Maven on the first run after the pom changed. */
function classpath(): string {
  const pomHash = createHash('sha256').update(readFileSync(POM)).digest('hex').slice(0, 16);
  const cached = join(TOOL_DIR, 'target', `classpath-${pomHash}.txt`);
  if (existsSync(cached)) {
    const jars = readFileSync(cached, 'utf8').trim();
    if (jars.split(delimiter).every((jar) => existsSync(jar))) return jars;
  }
  mkdirSync(join(TOOL_DIR, 'target'), { recursive: true });
  execFileSync('mvn', ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${cached}`], { stdio: ['ignore', 'inherit', 'inherit'] });
  return readFileSync(cached, 'utf8').trim();
}

/** The part of veraPDF's JSON report (`--format json`) read here. */
const reportSchema = z.object({
  report: z.object({
    jobs: z.array(
      z.object({
        itemDetails: z.object({ name: z.string() }),
        validationResult: z.array(
          z.object({
            profileName: z.string(),
            compliant: z.boolean(),
            details: z.object({
              passedRules: z.number(),
              failedRules: z.number(),
              ruleSummaries: z.array(
                z.object({
                  clause: z.string(),
                  testNumber: z.number(),
                  description: z.string(),
                  failedChecks: z.number(),
                  checks: z.array(z.object({ context: z.string(), errorMessage: z.string().optional() })),
                }),
              ),
            }),
          }),
        ),
      }),
    ),
  }),
});

export type FailedRule = { rule: string; description: string; failedChecks: number; firstContext: string };
export type PdfAResult = { profile: string; compliant: boolean; passedRules: number; failedRules: FailedRule[] };

/** A failed rule as veraPDF names it: the clause of ISO 19005-2 and the test number, `6.6.4-1`. */
const ruleId = (clause: string, testNumber: number) => `${clause}-${testNumber}`;

/**
 * Validates every PDF against veraPDF's PDF/A-2b profile in one JVM run (its start costs more than a
 * file's validation) and answers, by the names given, the rules each passed and failed. Without
 * `java` or `mvn` it fails (never skips): they are on every machine, and `.ci/run` installs them.
 */
export function validatePdfA2b(pdfs: Record<string, Buffer>): Record<string, PdfAResult> {
  expect(missingTools(JVM_TOOLS), 'veraPDF needs Java 17 and Maven: apt-get install -y default-jdk-headless maven').toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), 'verbund-verapdf-'));
  try {
    const files = Object.entries(pdfs).map(([name, pdf]) => {
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, pdf);
      return { name, file };
    });
    // Exit status 0: every file compliant, 1: some not; anything else is veraPDF failing to run.
    const run = spawnSync('java', ['-cp', classpath(), MAIN_CLASS, '--flavour', '2b', '--format', 'json', ...files.map((f) => f.file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error !== undefined || (run.status !== 0 && run.status !== 1)) throw new Error(`veraPDF failed (status ${run.status}): ${run.error?.message ?? run.stderr}`);
    const { jobs } = reportSchema.parse(JSON.parse(run.stdout)).report;
    return Object.fromEntries(
      files.map(({ name, file }) => {
        const result = jobs.find((job) => job.itemDetails.name === file)?.validationResult[0];
        if (!result) throw new Error(`veraPDF reported nothing for ${name}: ${run.stderr}`);
        const failedRules = result.details.ruleSummaries.map((r) => ({ rule: ruleId(r.clause, r.testNumber), description: r.description, failedChecks: r.failedChecks, firstContext: r.checks[0]?.context ?? '' }));
        return [name, { profile: result.profileName, compliant: result.compliant, passedRules: result.details.passedRules, failedRules }];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Failed rules as the lines of an assertion message: the rule, how often it failed, what it says and where first. */
export const describeFailures = (results: Record<string, PdfAResult>): string =>
  Object.entries(results)
    .flatMap(([name, result]) => result.failedRules.map((r) => `${name}: ${r.rule} (${r.failedChecks}×) ${r.description} — at ${r.firstContext}`))
    .join('\n');

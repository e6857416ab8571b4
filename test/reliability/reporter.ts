/**
 * Collects every test's result and tally (test/reliability/tally.ts) into the JSON file named by
 * RELIABILITY_REPORT, for run.ts to print the table and the summary line after Vitest has exited.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import type { Tally } from './tally';

export interface ReportedTest {
  file: string;
  name: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  ms: number;
  tally: Tally | null;
  errors: string[];
}

export interface Report {
  tests: ReportedTest[];
  unhandledErrors: number;
  reason: string;
}

export default class ReliabilityReporter implements Reporter {
  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: string,
  ): void {
    const tests: ReportedTest[] = [];
    for (const module of modules) {
      const file = relative(process.cwd(), module.moduleId);
      // A file that failed to load has no tests: it counts as one failed check.
      const moduleErrors = module.errors().map((error) => error.message);
      if (moduleErrors.length) {
        tests.push({
          file,
          name: '(file)',
          state: 'failed',
          ms: 0,
          tally: null,
          errors: moduleErrors,
        });
      }
      for (const test of module.children.allTests()) {
        const result = test.result();
        tests.push({
          file,
          name: test.fullName,
          state: result.state,
          ms: Math.round(test.diagnostic()?.duration ?? 0),
          tally: test.meta().reliability ?? null,
          errors: (result.errors ?? []).map((error) => error.message),
        });
      }
    }
    const report: Report = { tests, unhandledErrors: unhandledErrors.length, reason };
    const path = process.env.RELIABILITY_REPORT;
    if (path) writeFileSync(path, JSON.stringify(report, null, 2));
  }
}

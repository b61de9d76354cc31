import { readFileSync } from 'node:fs';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

const MAX_CHARS = 8_000;

/** The page's snapshot from the error context (the error itself is printed by the list reporter). */
const snapshotIn = (context: string) => /```yaml\n([\s\S]*?)\n```/.exec(context)?.[1] ?? context;

/**
 * Prints, under a failed test, what its page showed when it failed: Playwright's error context
 * (the page's accessibility snapshot), which the list reporter only names by path. CI keeps no
 * files from a run, so without it a failure seen only there cannot be read afterwards.
 */
export default class FailureContextReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status === 'passed' || result.status === 'skipped') return;
    for (const attachment of result.attachments) {
      if (attachment.name !== 'error-context' || !attachment.path) continue;
      let text: string;
      try {
        text = snapshotIn(readFileSync(attachment.path, 'utf8'));
      } catch (cause) {
        text = `(unreadable: ${String(cause)})`;
      }
      const shown =
        text.length > MAX_CHARS
          ? `${text.slice(0, MAX_CHARS)}\n… (${text.length - MAX_CHARS} more characters in ${attachment.path})`
          : text;
      process.stdout.write(`\n── What the page showed when "${test.title}" failed ──\n${shown}\n──\n`);
    }
  }

  printsToStdio() {
    return true;
  }
}

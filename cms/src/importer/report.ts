/** What an import did and every item it could not carry, with the file and position it came from. */
export type Issue = { file: string; position: string; message: string };
export type PageOutcome = 'created' | 'updated' | 'unchanged' | 'failed';

export class ImportReport {
  readonly issues: Issue[] = [];
  readonly failures: Issue[] = [];
  readonly drafts: Issue[] = [];
  readonly pages: Record<PageOutcome, string[]> = { created: [], updated: [], unchanged: [], failed: [] };
  readonly redirects = { created: 0, updated: 0, unchanged: 0 };
  readonly sections: Record<string, number> = {};

  constructor(
    readonly dryRun: boolean,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {}

  progress(line: string): void {
    this.log(line);
  }

  warn(file: string, position: string, message: string): void {
    this.issues.push({ file, position, message });
    this.log(`  ! ${file}${position ? ` ${position}` : ''}: ${message}`);
  }

  /** The page is imported, but as a draft: staff publish it once it is fixed. */
  draft(file: string, reason: string): void {
    this.drafts.push({ file, position: '', message: reason });
    this.log(`  ◌ ${file}: imported as a draft: ${reason}`);
  }

  fail(file: string, message: string): void {
    this.failures.push({ file, position: '', message });
    this.pages.failed.push(file);
    this.log(`  ✗ ${file}: ${message}`);
  }

  countSection(component: string): void {
    this.sections[component] = (this.sections[component] ?? 0) + 1;
  }

  get failed(): boolean {
    return this.failures.length > 0;
  }

  summary(): string {
    const would = this.dryRun ? 'would be ' : '';
    const lines = [
      this.dryRun ? 'Dry run: nothing was written.' : 'Import finished.',
      `Pages ${would}created: ${this.pages.created.length}, ${would}updated: ${this.pages.updated.length}, unchanged: ${this.pages.unchanged.length}, failed: ${this.pages.failed.length}, of them drafts: ${this.drafts.length}`,
      `Sections imported: ${
        Object.entries(this.sections)
          .map(([type, n]) => `${type} ${n}`)
          .join(', ') || 'none'
      }`,
      `Redirects from old addresses ${would}created: ${this.redirects.created}, ${would}updated: ${this.redirects.updated}, unchanged: ${this.redirects.unchanged}`,
    ];
    if (this.issues.length > 0) {
      lines.push(`Not carried over as it was (${this.issues.length}):`);
      for (const issue of this.issues)
        lines.push(`  - ${issue.file}${issue.position ? ` ${issue.position}` : ''}: ${issue.message}`);
    }
    if (this.drafts.length > 0) {
      lines.push(`Imported as drafts (${this.drafts.length}): publish each once it is fixed:`);
      for (const draft of this.drafts) lines.push(`  - ${draft.file}: ${draft.message}`);
    }
    if (this.failures.length > 0) {
      lines.push(`Failed (${this.failures.length}):`);
      for (const failure of this.failures) lines.push(`  - ${failure.file}: ${failure.message}`);
    }
    return lines.join('\n');
  }
}

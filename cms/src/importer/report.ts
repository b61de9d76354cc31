/** What an import did and every item it could not carry, with the file and position it came from. */
export type Issue = { file: string; position: string; message: string };
export type PageOutcome = 'created' | 'updated' | 'unchanged' | 'failed';

export class ImportReport {
  readonly issues: Issue[] = [];
  readonly failures: Issue[] = [];
  readonly pages: Record<PageOutcome, string[]> = { created: [], updated: [], unchanged: [], failed: [] };
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
      `Pages ${would}created: ${this.pages.created.length}, ${would}updated: ${this.pages.updated.length}, unchanged: ${this.pages.unchanged.length}, failed: ${this.pages.failed.length}`,
      `Sections imported: ${Object.entries(this.sections).map(([type, n]) => `${type} ${n}`).join(', ') || 'none'}`,
    ];
    if (this.issues.length > 0) {
      lines.push(`Not carried over or changed (${this.issues.length}):`);
      for (const issue of this.issues) lines.push(`  - ${issue.file}${issue.position ? ` ${issue.position}` : ''}: ${issue.message}`);
    }
    if (this.failures.length > 0) {
      lines.push(`Failed pages (${this.failures.length}):`);
      for (const failure of this.failures) lines.push(`  - ${failure.file}: ${failure.message}`);
    }
    return lines.join('\n');
  }
}

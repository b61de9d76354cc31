/**
 * Compiles the app into dist/ from its tsconfig.json, as Strapi's `compileStrapi()` does, but as
 * TypeScript's incremental build: Strapi's compiles and type-checks the whole app on every start
 * (11 s of a busy 2-core machine), this one reuses dist/tsconfig.tsbuildinfo and checks and emits
 * only what changed (2.5 s when nothing did). Used by the data scripts (import:jekyll, links) and
 * the tests' Strapi processes, which start dozens of times a run; `strapi develop`, `build` and
 * `start` stay Strapi's own. Files deleted from src/ are dropped from dist/ by prune-dist.mts.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const host: ts.FormatDiagnosticsHost = {
  getCanonicalFileName: (fileName) => fileName,
  getCurrentDirectory: ts.sys.getCurrentDirectory,
  getNewLine: () => ts.sys.newLine,
};

const failure = (configPath: string, diagnostics: readonly ts.Diagnostic[]) =>
  new Error(
    `The CMS does not compile (${configPath}); fix these (\`pnpm --filter cms typecheck\` checks its tests and scripts too):\n` +
      ts.formatDiagnosticsWithColorAndContext(diagnostics, host),
  );

/** Compiles the app at `appDir`; returns what `createStrapi()` takes. Throws, naming each error, when it does not compile. */
export const compileApp = (appDir = process.cwd()): { appDir: string; distDir: string } => {
  const configPath = path.join(appDir, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw failure(configPath, [diagnostic]);
    },
  });
  if (!parsed) throw new Error(`${configPath} cannot be read`);
  // TypeScript's saved state says what it emitted, not whether it is still there: an output
  // removed since (dist/src deleted by hand, a `strapi develop` stopped while it rebuilt dist/)
  // would never be written again. Then the whole app is compiled afresh.
  const buildInfo = ts.getTsBuildInfoEmitOutputFilePath(parsed.options);
  const outputMissing = parsed.fileNames.some((file) =>
    ts.getOutputFileNames(parsed, file, false).some((output) => !ts.sys.fileExists(output)),
  );
  if (buildInfo && outputMissing) rmSync(buildInfo, { force: true });
  const program = ts.createIncrementalProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  const diagnostics = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ];
  const emitted = program.emit();
  const errors = ts
    .sortAndDeduplicateDiagnostics([...diagnostics, ...emitted.diagnostics])
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0 || emitted.emitSkipped) throw failure(configPath, errors);
  return { appDir, distDir: path.resolve(appDir, parsed.options.outDir ?? '.') };
};

import type { z } from 'zod';

/**
 * The one way this site describes what failed zod validation, for people reading a log line
 * or a start-up error: one line per problem, "path: message", the path as written in the
 * data (`sections.0.image.url`) and `root` where the whole value is wrong.
 */
export const issueLines = (error: z.ZodError, root = '(value)'): string[] =>
  error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : root}: ${issue.message}`);

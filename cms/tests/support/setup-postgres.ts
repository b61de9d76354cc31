import type { TestProject } from 'vitest/node';
import { startSuite } from './global-setup';

export default (project: TestProject) => startSuite(project, 'postgres');

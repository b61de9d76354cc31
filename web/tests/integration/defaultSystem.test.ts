import { afterAll } from 'vitest';
import { stopSharedSystem } from '../support/sharedSystem';
// Each suite below is a file of its own; they share one system (tests/support/sharedSystem.ts), in
// this order: the ones that only visit first, then the photo replaced. Suites that stop the CMS or
// start other site instances (site.test.ts, hardening.test.ts) keep a system of their own: what
// they check depends on the copies a site kept of pages visited before.
import './face.suite';
import './recordGuide.suite';
import './mediaReplace.suite';

afterAll(stopSharedSystem);

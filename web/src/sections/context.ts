/** What every section component gets besides its own data. */
export type SectionContext = {
  title: string;
  description: string;
  /** The first hero carries the page's only h1. */
  primaryHeading: boolean;
  /** Near the top of the page: its images load at once instead of lazily. */
  nearTop: boolean;
};

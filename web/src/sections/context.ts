/** What every section component gets besides its own data. */
export type SectionContext = {
  title: string;
  description: string;
  /** The first hero carries the page's only h1. */
  primaryHeading: boolean;
};

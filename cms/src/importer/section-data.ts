import type { BlockNode } from './blocks';

/** The page data the importer writes, in the shape the Document Service takes and returns. */
export type LinkType = 'External Link' | 'Site Page' | 'File';
export type LinkData = { text: string; type: LinkType; url: string | null; page: string | null; file: number | null };

export type HeroData = {
  __component: 'sections.hero';
  style: 'Standard' | 'Home';
  scrollButton: string | null;
  image: number | null;
  altText: string;
  heading: string | null;
  subtitle: string | null;
  gradient: boolean;
  marginColor: 'White' | 'Black';
};
export type TextAreaData = {
  __component: 'sections.text-area';
  style: 'Plain' | 'Two Column' | 'Flashy' | 'Splashy';
  heading: string | null;
  body: BlockNode[];
  columnTwo: BlockNode[] | null;
  showButton: boolean;
  button: LinkData | null;
};
export type QuickLinkIcon = 'video' | 'house' | 'bill' | 'calendar';
export type QuickLinksData = {
  __component: 'sections.quick-links';
  heading: string | null;
  items: { icon: QuickLinkIcon; link: LinkData }[];
};
export type SectionData = HeroData | TextAreaData | QuickLinksData;

export type PageData = { title: string; path: string; description: string; sections: SectionData[] };

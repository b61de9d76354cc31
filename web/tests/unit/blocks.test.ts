import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Blocks from '../../src/components/blocks/Blocks.astro';
import { blocksSchema, type Block } from '../../src/lib/render/blocks';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/** Rendered HTML without Astro's scoping attributes, for readable expectations. */
const render = async (blocks: Block[]) =>
  (await container.renderToString(Blocks, { props: { blocks: blocksSchema.parse(blocks) } })).replace(
    / data-astro-[a-z-]+(="[^"]*")?/g,
    '',
  );

const text = (t: string, marks = {}) => ({ type: 'text' as const, text: t, ...marks });

describe('the blocks renderer', () => {
  it('renders paragraphs and headings with escaped text', async () => {
    expect(
      await render([
        { type: 'heading', level: 2, children: [text('What We Believe')] },
        { type: 'paragraph', children: [text('1 < 2 & <b>not bold</b>')] },
      ]),
    ).toBe('<h2>What We Believe</h2><p>1 &lt; 2 &amp; &lt;b&gt;not bold&lt;/b&gt;</p>');
  });

  it('renders bold, italic, underline, strike and code, combined', async () => {
    expect(
      await render([
        {
          type: 'paragraph',
          children: [text('all', { bold: true, italic: true, underline: true, strikethrough: true, code: true })],
        },
      ]),
    ).toBe('<p><strong><em><u><s><code>all</code></s></u></em></strong></p>');
  });

  it('keeps line breaks inside a paragraph', async () => {
    expect(await render([{ type: 'paragraph', children: [text('One\nTwo')] }])).toBe('<p>One<br>Two</p>');
  });

  it('renders links: external ones with rel, unsafe ones as plain text', async () => {
    expect(
      await render([
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: 'https://www.cgla.net/get-legal-help', children: [text('Cabrini-Green')] },
            text(' '),
            { type: 'link', url: '/services/', children: [text('Services')] },
            text(' '),
            { type: 'link', url: 'JaVaScRiPt:alert(1)', children: [text('trap')] },
          ],
        },
      ]),
    ).toBe(
      '<p><a href="https://www.cgla.net/get-legal-help" rel="noopener noreferrer">Cabrini-Green</a> <a href="/services/">Services</a> trap</p>',
    );
  });

  it('writes out links browsers read as off-site (https:host, http:\\\\host), with rel like any external link', async () => {
    expect(
      await render([
        {
          type: 'paragraph',
          children: [
            { type: 'link', url: 'https:evil.example/x', children: [text('a')] },
            { type: 'link', url: 'http:\\\\evil.example\\y', children: [text('b')] },
          ],
        },
      ]),
    ).toBe(
      '<p><a href="https://evil.example/x" rel="noopener noreferrer">a</a><a href="http://evil.example/y" rel="noopener noreferrer">b</a></p>',
    );
  });

  it('leaves out a link whose text was deleted, which the admin’s editor can leave behind (no empty link to tab to)', async () => {
    expect(
      await render([
        {
          type: 'paragraph',
          children: [
            text('Call '),
            { type: 'link', url: 'https://example.org/', children: [text('')] },
            { type: 'link', url: '/contact-us/', children: [text(' ')] },
            text('us.'),
          ],
        },
      ]),
    ).toBe('<p>Call  us.</p>');
  });

  it('renders nested lists inside their item', async () => {
    expect(
      await render([
        {
          type: 'list',
          format: 'ordered',
          children: [
            { type: 'list-item', children: [text('First')] },
            {
              type: 'list',
              format: 'unordered',
              indentLevel: 1,
              children: [{ type: 'list-item', children: [text('Inner')] }],
            },
            { type: 'list-item', children: [text('Second')] },
          ],
        },
      ]),
    ).toBe('<ol><li>First<ul><li>Inner</li></ul></li><li>Second</li></ol>');
  });

  it('renders quotes, code and images', async () => {
    expect(
      await render([
        { type: 'quote', children: [text('Quoted')] },
        { type: 'code', children: [text('let a = 1;')] },
        {
          type: 'image',
          image: { url: '/uploads/a.webp', width: 10, height: 5, alternativeText: 'A map' },
          children: [text('')],
        } as Block,
        { type: 'image', image: { url: 'javascript:alert(1)', alternativeText: 'x' }, children: [text('')] } as Block,
        {
          type: 'image',
          image: { url: 'https://evil.example/track.gif', alternativeText: 'x' },
          children: [text('')],
        } as Block,
        {
          type: 'image',
          image: { url: '/uploads/../admin/x.png', alternativeText: 'x' },
          children: [text('')],
        } as Block,
      ]),
    ).toBe(
      '<blockquote>Quoted</blockquote><pre><code>let a = 1;</code></pre><img src="/uploads/a.webp" alt="A map" width="10" height="5" loading="lazy" decoding="async">',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../../src/importer/html-to-blocks';

const text = (t: string, marks: object = {}) => ({ type: 'text', text: t, ...marks });

describe('htmlToBlocks', () => {
  it('turns headings and paragraphs into blocks, collapsing the white space of folded YAML', () => {
    expect(htmlToBlocks('<h2>What We\n    Believe</h2><p>The   Coalition\nbelieves.</p>').blocks).toEqual([
      { type: 'heading', level: 2, children: [text('What We Believe')] },
      { type: 'paragraph', children: [text('The Coalition believes.')] },
    ]);
  });

  it('keeps bold, italic, underline and strike as marks, nested ones combined', () => {
    const { blocks } = htmlToBlocks('<p><strong><em>Both</em></strong> <b>b</b><i>i</i><u>u</u><s>s</s></p>');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      children: [
        text('Both', { bold: true, italic: true }),
        text(' '),
        text('b', { bold: true }),
        text('i', { italic: true }),
        text('u', { underline: true }),
        text('s', { strikethrough: true }),
      ],
    });
  });

  it('makes links with their decoded href and keeps the space at a link edge', () => {
    const { blocks } = htmlToBlocks('<p><a href="https://x.org/?a=1&amp;b=2">Legal Aid </a>(Cook County)</p>');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'link', url: 'https://x.org/?a=1&b=2', children: [text('Legal Aid ')] },
        text('(Cook County)'),
      ],
    });
  });

  it('turns <br> into a line break inside the paragraph', () => {
    expect(htmlToBlocks('<p>One<br>Two<br/>Three</p>').blocks[0]).toEqual({
      type: 'paragraph',
      children: [text('One\nTwo\nThree')],
    });
  });

  it('flattens <p> inside list items and nests sub-lists one level deeper', () => {
    const { blocks, warnings } = htmlToBlocks(
      '<ul><li><p><a href="/a">A</a> (x)</p></li><li>B<ol><li>B1</li></ol></li></ul>',
    );
    expect(warnings).toEqual([]);
    expect(blocks).toEqual([
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'link', url: '/a', children: [text('A')] }, text(' (x)')] },
          { type: 'list-item', children: [text('B')] },
          {
            type: 'list',
            format: 'ordered',
            indentLevel: 1,
            children: [{ type: 'list-item', children: [text('B1')] }],
          },
        ],
      },
    ]);
  });

  it('wraps loose text in a paragraph and keeps quotes and code', () => {
    expect(htmlToBlocks('Loose <em>text</em><blockquote>Quoted</blockquote><pre>code  here</pre>').blocks).toEqual([
      { type: 'paragraph', children: [text('Loose '), text('text', { italic: true })] },
      { type: 'quote', children: [text('Quoted')] },
      { type: 'code', children: [text('code  here')] },
    ]);
  });

  it('keeps the text of unsupported tags and reports each tag once', () => {
    const { blocks, warnings } = htmlToBlocks(
      '<p><span>kept</span> <marquee>moving</marquee> <marquee>again</marquee></p><table><tr><td>cell</td></tr></table>',
    );
    expect(blocks).toEqual([
      { type: 'paragraph', children: [text('kept moving again')] },
      { type: 'paragraph', children: [text('cell')] },
    ]);
    expect(warnings).toEqual([
      '<marquee> is not supported: its text was kept',
      '<table> is not supported: its text was kept',
      '<tr> is not supported: its text was kept',
      '<td> is not supported: its text was kept',
    ]);
  });

  it('drops scripts with a report and keeps an image’s alt text', () => {
    const { blocks, warnings } = htmlToBlocks('<p>Hi<script>alert(1)</script><img src="/x.png" alt="a map"></p>');
    expect(blocks).toEqual([{ type: 'paragraph', children: [text('Hia map')] }]);
    expect(warnings).toEqual([
      '<script> content was dropped: scripts and styles cannot be carried',
      'an image inside text (/x.png): add it again in the editor; its alt text was kept',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { kramdownToHtml, renderJekyllBody } from '../../src/importer/jekyll-body';

const scope = {
  page: { title: 'Home', description: 'What we do', menu: { main: 1 } },
  site: { title: 'The Coalition', url: 'https://cannabisequityil.org', baseurl: '' },
};
const html = (body: string) =>
  renderJekyllBody(body, scope)
    .parts.map((part) => (part.kind === 'html' ? part.html : `[${part.name}]`))
    .join('');
const notes = (body: string) => renderJekyllBody(body, scope).notes;

describe('a Jekyll body, rendered as Jekyll rendered it', () => {
  it('substitutes page and site variables and the URL filters (relative-url as the old pages wrote it)', () => {
    expect(html('<h1>{{ page.title }}</h1>')).toBe('<h1>Home</h1>\n');
    expect(
      html(
        '[Us]({{ "about-us/" | relative_url }}) · [Them]({{ \'our-work/\' | relative-url }}) · {{ site.title | upcase }}',
      ),
    ).toContain('<a href="/about-us/">Us</a> · <a href="/our-work/">Them</a> · THE COALITION');
    expect(html('{{ "/x/" | absolute_url }}')).toContain('https://cannabisequityil.org/x/');
  });

  it('writes nothing for a variable the page did not have, as Jekyll did, and says so', () => {
    expect(html('a{{ page.subtitle }}b')).toContain('ab');
    expect(notes('{{ page.subtitle }}')).toEqual([
      { message: expect.stringContaining('the old page had no page.subtitle'), blocks: false },
    ]);
  });

  it('reads Markdown inside an HTML block that says markdown="1", and keeps other HTML blocks raw, as kramdown does', () => {
    const out = kramdownToHtml(
      '<main markdown="1">\n## Heading\n\nSome **bold** text.\n</main>\n\n<div class="raw">\n\n## not a heading\n\n</div>\n',
    );
    expect(out).toContain('<main><h2>Heading</h2>');
    expect(out).toContain('<strong>bold</strong>');
    expect(out).toContain('<div class="raw">\n\n## not a heading\n\n</div>');
    expect(kramdownToHtml('<p markdown="span">An *inline* one</p>')).toContain('<p>An <em>inline</em> one</p>');
  });

  it('keeps an HTML block raw to its own end tag, nested blocks and blank lines included', () => {
    const out = kramdownToHtml(
      '<main>\n  <div>\n    <h3>Quick Links</h3>\n\n      <ul>\n        <li>x</li>\n      </ul>\n  </div>\n</main>\nAfter *it*.',
    );
    expect(out).not.toContain('<pre>');
    expect(out).toContain('<p>After <em>it</em>.</p>');
  });

  it('leaves out the layout’s own includes and comments, and names them', () => {
    expect(html('Text{% include site-footer.html %}{% comment %}secret{% endcomment %}')).toBe('<p>Text</p>\n');
    expect(notes('{% include site-header.html %}')[0]).toMatchObject({
      blocks: false,
      message: expect.stringContaining('frame every page'),
    });
  });

  it('hands every other include to the caller, in place, with its parameters', () => {
    const { parts } = renderJekyllBody(
      'Before\n\n{% include components/card-image.html\n  image="assets/a.png"\n  heading="Record Clearing"\n  text="We help."\n%}\n\nAfter',
      scope,
    );
    expect(parts.map((part) => part.kind)).toEqual(['html', 'include', 'html']);
    expect(parts[1]).toMatchObject({
      name: 'components/card-image.html',
      params: { image: 'assets/a.png', heading: 'Record Clearing', text: 'We help.' },
    });
  });

  it('never shows Liquid it cannot run: the tag is left out and noted whole, and the page must be checked', () => {
    const body = '{% if page.menu %}Shown{% endif %} {{ foo.bar }}';
    expect(html(body)).not.toMatch(/\{[{%]/);
    expect(
      notes(body)
        .filter((note) => note.blocks)
        .map((note) => note.message),
    ).toEqual([
      expect.stringContaining('{{ foo.bar }} cannot be worked out here'),
      expect.stringContaining('{% if page.menu %}: Liquid logic cannot run here'),
      expect.stringContaining('{% endif %}'),
    ]);
  });

  it('keeps {% raw %} content as it is', () => {
    expect(html('{% raw %}{{ not liquid }}{% endraw %}')).toContain('{{ not liquid }}');
  });
});

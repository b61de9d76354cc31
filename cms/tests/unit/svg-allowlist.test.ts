import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { svgProblem } from '../../src/media/svg-allowlist';

const svg = (inner: string, attributes = ''): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"${attributes}>${inner}</svg>`;

/** The file exactly as uploaded, for what a string cannot show (bytes that are not UTF-8). */
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
/** `source` with the byte `byte` where it says %BYTE%. */
const withByte = (source: string, byte: number): Uint8Array => {
  const [before = '', after = ''] = source.split('%BYTE%');
  return bytes(before, [byte], after);
};
const EVIL_CSS = 'https://evil.example/x.css';
const INKSCAPE = 'xmlns:i="http://www.inkscape.org/namespaces/inkscape"';

/** What a probe sent the media library, and what real drawing tools write. */
const ATTACKS: [string, string | Uint8Array][] = [
  ['a script element', svg('<script>alert(1)</script>')],
  [
    'a script element in the XHTML namespace',
    svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
  ],
  [
    'an XHTML namespace bound to an innocent prefix',
    svg('<rdf:script xmlns:rdf="http://www.w3.org/1999/xhtml">alert(1)</rdf:script>'),
  ],
  [
    'a default namespace switched to XHTML',
    svg('<g xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></g>'),
  ],
  ['a DTD entity', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]>${svg('&x;')}`],
  ['an event handler', svg('<rect width="1" height="1" onclick="alert(1)"/>')],
  ['an event handler on the root', svg('<rect width="1" height="1"/>', ' onload="alert(1)"')],
  ['an encoded javascript: link', svg('<a href="&#106;avascript:alert(1)"><rect width="1" height="1"/></a>')],
  ['an encoded javascript: use', svg('<use href="&#106;avascript:alert(1)"/>')],
  [
    'base64 data in use',
    svg('<use href="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+#x"/>'),
  ],
  ['an xlink:href to another site', svg('<use xlink:href="https://evil.example/x.svg#a"/>')],
  ['a foreignObject', svg('<foreignObject><iframe src="https://evil.example"/></foreignObject>')],
  [
    'an animation setting a link',
    svg('<a><set attributeName="href" to="javascript:alert(1)"/><rect width="1" height="1"/></a>'),
  ],
  ['an image loaded from elsewhere', svg('<image href="https://evil.example/track.png"/>')],
  ['a style importing CSS', svg('<style>@import url(https://evil.example/x.css);</style>')],
  [
    'a style attribute loading from elsewhere',
    svg('<rect width="1" height="1" style="fill:url(https://evil.example/x)"/>'),
  ],
  ['a fill from a data address', svg('<rect width="1" height="1" fill="url(data:image/png;base64,AAAA)"/>')],
  ['an HTML page named .svg', '<!doctype html><html><body><script>alert(1)</script></body></html>'],
  [
    'a processing instruction for a stylesheet',
    `<?xml-stylesheet href="https://evil.example/x.xsl" type="text/xsl"?>${svg('<rect/>')}`,
  ],
  // The audit: Chromium reads ISO-2022-JP, drops ESC ( B and sees onload; UTF-8 sees an attribute named o␛(Bnload.
  [
    'an ISO-2022-JP file hiding onload behind an escape sequence',
    bytes(
      '<?xml version="1.0" encoding="ISO-2022-JP"?><svg xmlns="http://www.w3.org/2000/svg" o',
      [0x1b],
      '(Bnload="alert(document.domain)"><rect width="1" height="1"/></svg>',
    ),
  ],
  [
    'a declared encoding other than UTF-8',
    `<?xml version="1.0" encoding="ISO-8859-1"?>${svg('<rect width="1" height="1"/>')}`,
  ],
  [
    'an XML declaration a drawing tool would not write',
    `<?xml version="1.0" encoding = "UTF-8" foo="bar"?>${svg('<rect width="1" height="1"/>')}`,
  ],
  [
    'a second XML declaration after the first',
    `<?xml version="1.0"?>${svg('<?xml version="1.0" encoding="UTF-16"?><rect width="1" height="1"/>')}`,
  ],
  ['bytes that are not UTF-8', withByte(svg('<title>Caf%BYTE%</title>'), 0xe9)],
  ['a control character', svg('<rect width="1" height="1"/>', ' data-x="\x1b(B"')],
  ['a C1 control character', svg('<text>\u0085</text>')],
  ['an @import split by a comment in a <style>', svg(`<style>@imp<!-- -->ort "${EVIL_CSS}";</style>`)],
  ['an @import written with a character reference', svg(`<style>@imp&#111;rt "${EVIL_CSS}";</style>`)],
  ['a url( written with a character reference', svg('<style>.a{fill:u&#114;l(https://evil.example/x)}</style>')],
  ['an @import split by a CDATA section', svg(`<style>@imp<![CDATA[ort "${EVIL_CSS}";]]></style>`)],
  [
    'an Inkscape element inside a <style> hiding the rest of it',
    svg(`<style ${INKSCAPE}>.a{fill:#fff}<i:style/>@import "${EVIL_CSS}";</style>`),
  ],
  ['any element inside a <style>', svg('<style>.a{fill:#fff}<g/></style>')],
  ['a CSS-escaped @import', svg(`<style>@\\69mport "${EVIL_CSS}";</style>`)],
  ['a CSS-escaped url( in a <style>', svg('<style>.a{fill:u\\72l(https://evil.example/x)}</style>')],
  [
    'a CSS-escaped url( in a style attribute',
    svg('<rect width="1" height="1" style="fill:u\\72l(https://evil.example/x)"/>'),
  ],
  ['a CSS-escaped url( in a fill', svg('<rect width="1" height="1" fill="u\\72l(https://evil.example/x)"/>')],
  ['an upper-case URL( in a fill', svg('<rect width="1" height="1" fill="URL(https://evil.example/x)"/>')],
  ['a mixed-case Url( in a stroke', svg('<rect width="1" height="1" stroke="Url(https://evil.example/x)"/>')],
  ['an image-set( in a <style>', svg('<style>.a{mask-image:image-set("https://evil.example/x.png" 1x)}</style>')],
  [
    'a -webkit-image-set( in a style attribute',
    svg('<rect width="1" height="1" style="mask-image:-webkit-image-set(\'https://evil.example/x.png\' 1x)"/>'),
  ],
  [
    'an xml:base pointing at another site',
    svg('<use href="#p"/><path id="p" d="M0 0h1v1z"/>', ' xml:base="https://evil.example/"'),
  ],
  [
    'an attribute written twice, the second loading from elsewhere',
    svg('<rect width="1" height="1" fill="#000" fill="url(https://evil.example/x)"/>'),
  ],
  ['an attribute without quotes', svg('<rect width=1 height="1"/>')],
];

/** What Illustrator's "Export As SVG" writes (class rules, a gradient in user space, xml:space). */
const ILLUSTRATOR = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 28.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
	 viewBox="0 0 100 100" style="enable-background:new 0 0 100 100;" xml:space="preserve">
<style type="text/css">
	.st0{fill:#FFFFFF;}
	.st1{fill:url(#SVGID_1_);}
	.st2{font-family:'MyriadPro-Regular';font-size:12px;}
</style>
<linearGradient id="SVGID_1_" gradientUnits="userSpaceOnUse" x1="0" y1="100" x2="100" y2="0" gradientTransform="matrix(1 0 0 -1 0 100)">
	<stop  offset="0" style="stop-color:#10A882"/>
	<stop  offset="1" style="stop-color:#0B7A5E"/>
</linearGradient>
<rect class="st1" width="100" height="100"/>
<path class="st0" d="M10,10h80v80H10V10z"/>
<g data-name="Logo (final)"><text transform="matrix(1 0 0 1 12 90)" class="st2">CEIC</text></g>
</svg>
`;

/** What Inkscape 1.x saves as "Inkscape SVG": its own namespaces, layers, style attributes, linked gradients, a use. */
const INKSCAPE_FILE = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->

<svg
   width="210mm"
   height="297mm"
   viewBox="0 0 210 297"
   version="1.1"
   id="svg1"
   inkscape:version="1.3.2 (091e20e, 2023-11-25)"
   sodipodi:docname="logo.svg"
   inkscape:export-filename="C:\\Users\\staff\\logo.png"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg">
  <sodipodi:namedview
     id="namedview1"
     pagecolor="#ffffff"
     inkscape:zoom="0.7"
     inkscape:current-layer="layer1" />
  <defs
     id="defs1">
    <linearGradient
       id="linearGradient1"
       inkscape:collect="always">
      <stop
         style="stop-color:#10a882;stop-opacity:1;"
         offset="0"
         id="stop1" />
    </linearGradient>
    <linearGradient
       inkscape:collect="always"
       xlink:href="#linearGradient1"
       id="linearGradient2"
       x1="10"
       y1="10"
       x2="100"
       y2="100"
       gradientUnits="userSpaceOnUse" />
    <path id="leaf" d="m 10,10 h 80 v 80 z" />
  </defs>
  <g
     inkscape:label="Layer 1"
     inkscape:groupmode="layer"
     id="layer1">
    <use href="#leaf" style="fill:url(#linearGradient2);stroke-width:0.264583" id="use1" />
    <svg:text
       xml:space="preserve"
       style="font-size:10.5833px;line-height:1.25;font-family:'DejaVu Sans';-inkscape-font-specification:'DejaVu Sans, Bold';stroke-width:0.264583"
       x="20"
       y="120"
       id="text1"><tspan
         sodipodi:role="line"
         id="tspan1"
         x="20"
         y="120">CEIC</tspan></svg:text>
  </g>
</svg>
`;

const DRAWINGS: [string, string | Uint8Array][] = [
  [
    'shapes, a gradient and a local use',
    svg(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#10a882"/></linearGradient><path id="p" d="M0 0h10v10z"/></defs><use href="#p" fill="url(#g)"/><use xlink:href="#p"/><title>A leaf</title>',
    ),
  ],
  [
    'a style with classes',
    svg('<style>.a{fill:#10a882}.b{fill:url(#g)}</style><rect class="a" width="5" height="5"/>'),
  ],
  [
    'Inkscape metadata',
    svg(
      '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF></metadata><sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/><path d="M0 0" inkscape:label="x" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"/>',
    ),
  ],
  [
    'an XML declaration and text',
    `<?xml version="1.0" encoding="UTF-8"?>${svg('<text x="1" y="5" xml:space="preserve">CEIC</text>')}`,
  ],
  [
    'a byte-order mark and accented text in UTF-8',
    bytes(
      [0xef, 0xbb, 0xbf],
      `<?xml version='1.0' encoding='utf-8' standalone='no'?>${svg('<title>Café « Nouvelle »</title><text>Ça marche</text>')}`,
    ),
  ],
  [
    'CSS comments, a colour-scheme query and local urls',
    svg(
      '<style>/* brand */ .a{fill:#10a882} @media (prefers-color-scheme: dark) { .a{fill:#fff} } .b{clip-path:url( "#c" );filter:URL(#f)}</style><clipPath id="c"><rect width="5" height="5"/></clipPath><filter id="f"><feGaussianBlur stdDeviation="1"/></filter><rect class="a b" width="5" height="5"/>',
    ),
  ],
  ['an Illustrator export', ILLUSTRATOR],
  [
    'an older Illustrator export with its style in CDATA',
    ILLUSTRATOR.replace('<style type="text/css">', '<style type="text/css"><![CDATA[').replace(
      '</style>',
      ']]></style>',
    ),
  ],
  ['an Inkscape export', INKSCAPE_FILE],
];

describe('SVG files in the media library', () => {
  it.each(ATTACKS)('refuse %s', (_, source) => {
    expect(svgProblem(source)).not.toBeNull();
  });

  it.each(DRAWINGS)('take a drawing with %s', (_, source) => {
    expect(svgProblem(source)).toBeNull();
  });

  it('take the old site’s sprite and the logos made from it', () => {
    const sprite = readFileSync(path.resolve(import.meta.dirname, '../../seed/site/assets/images/sprites.svg'), 'utf8');
    expect(svgProblem(sprite)).toBeNull();
  });

  it('say why, in words staff can act on', () => {
    expect(svgProblem(svg('<script>alert(1)</script>'))).toBe(
      'it holds the element <script>, which drawings on the site may not (scripts, links, frames, embedded pages and animations are refused)',
    );
    expect(svgProblem(svg('<use href="https://evil.example/x"/>'))).toBe(
      'href="https://evil.example/x" refers outside the file',
    );
    expect(svgProblem(`<?xml version="1.0" encoding="ISO-2022-JP"?>${svg('<rect/>')}`)).toBe(
      'it declares the text encoding ISO-2022-JP, which a browser would read differently from this check; only UTF-8 is taken',
    );
    expect(svgProblem(withByte(svg('<title>Caf%BYTE%</title>'), 0xe9))).toBe('it is not saved as UTF-8 text');
    expect(svgProblem(svg(`<style ${INKSCAPE}>.a{fill:#fff}<i:style/></style>`))).toBe(
      'its <style> holds the element <i:style>; a style may hold only CSS text',
    );
    expect(svgProblem(svg(`<style>@imp&#111;rt "${EVIL_CSS}";</style>`))).toBe(
      'its <style> loads something from outside the file or runs something («@import»)',
    );
    expect(svgProblem(svg('<rect fill="u\\72l(https://evil.example/x)"/>'))).toBe(
      'the attribute fill uses a CSS escape (a backslash), which can disguise a link',
    );
  });
});

import { Parser } from 'htmlparser2';

/**
 * SVG files are markup that a browser runs when it opens them: the media library takes only
 * drawings. Rather than strip what looks dangerous (and miss a disguise), every SVG is read as
 * XML and must hold nothing beyond shapes, text, gradients, clips, masks, filters and styles:
 * no script in any namespace, no event handler, no link or reference outside the file, no
 * DOCTYPE or entity, no animation (which can set an attribute to a script address).
 *
 * Why refuse rather than sanitise: the maintained sanitiser for SVG is DOMPurify, which needs a
 * DOM (jsdom on the server, whose XML parser is not the browser's either), rewrites the file
 * instead of keeping what staff uploaded, and leaves CSS alone, so `url()` and `@import` in a
 * <style> would still load from other sites. Its own advisories are parser differentials, the
 * kind of hole closed here. A refusal costs staff one re-save as a plain SVG or PNG, and
 * every rule here can be read in one sitting; so everything not known to be part of a drawing
 * is refused, and the checks make the file mean to this parser what it means to a browser:
 * UTF-8 only (a declared ISO-2022-JP made `o<ESC>(Bnload` read as `onload` in Chromium), no
 * control characters, a <style> that is one piece of CSS text checked whole (comments, entities
 * and child elements had split it) with no CSS escapes, and CSS matched whatever its letter case.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Namespaces of drawing tools' own metadata: never rendered, never run. */
const METADATA_NS = new Set([
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://purl.org/dc/elements/1.1/',
  'http://creativecommons.org/ns#',
  'http://web.resource.org/cc/',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.inkscape.org/namespaces/inkscape',
  'http://ns.adobe.com/AdobeIllustrator/10.0/',
  'http://ns.adobe.com/Graphs/1.0/',
  'http://ns.adobe.com/SaveForWeb/1.0/',
  'http://ns.adobe.com/Extensibility/1.0/',
  'http://ns.adobe.com/xap/1.0/',
]);
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** `xml:base` is left out on purpose: it moves every address in the file to another site. */
const XML_ATTRIBUTES = new Set(['space', 'lang']);

const ELEMENTS = new Set([
  'svg',
  'g',
  'defs',
  'symbol',
  'use',
  'title',
  'desc',
  'metadata',
  'style',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'textPath',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
  'clipPath',
  'mask',
  'marker',
  'filter',
  'feBlend',
  'feColorMatrix',
  'feComponentTransfer',
  'feComposite',
  'feDropShadow',
  'feFlood',
  'feFuncA',
  'feFuncB',
  'feFuncG',
  'feFuncR',
  'feGaussianBlur',
  'feMerge',
  'feMergeNode',
  'feMorphology',
  'feOffset',
]);

/** An address inside the file (`#id`), the only kind a drawing may refer to. */
const LOCAL_REFERENCE = /^#[\w.:-]*$/;
/**
 * CSS that reaches outside the file or runs something. A CSS token cannot be split by a comment
 * and escapes are refused before this runs, so each of these must appear literally; only the
 * letter case can vary. `url()` may point at `#id` only (gradients, clips, filters).
 */
const UNSAFE_CSS = [
  /url\((?!\s*(["']?)#[^"'()\s]*\1\s*\))/i,
  /(?:image-set|image|cross-fade|element|src|paint|attr)\(/i,
  /@import/i,
  /expression\(/i,
  /javascript:|vbscript:/i,
  /behaviou?r\s*:/i,
  /-moz-binding/i,
];
const SCRIPT_SCHEME = /^\s*(?:javascript|vbscript|data)\s*:/i;
/** The XML declaration as drawing tools write it; anything fancier is refused rather than interpreted. */
const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][\w.-]*)\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\4)?[ \t\r\n]*\?>/;

type Scope = Map<string, string>;

const prefixOf = (name: string): [string, string] => {
  const at = name.indexOf(':');
  return at === -1 ? ['', name] : [name.slice(0, at), name.slice(at + 1)];
};

/** The first character no drawing holds (C0 and C1 controls; tab, CR and LF are white space), as U+XXXX. ESC switches the encoding of ISO-2022 text. */
const firstControl = (text: string): string | null => {
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) {
      return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    }
  }
  return null;
};

/** What in a piece of CSS (a <style>, a style or presentation attribute) a drawing may not hold, or null. */
const cssProblem = (css: string): string | null => {
  if (css.includes('\\')) return 'uses a CSS escape (a backslash), which can disguise a link';
  for (const pattern of UNSAFE_CSS) {
    const found = pattern.exec(css);
    if (found) return `loads something from outside the file or runs something («${found[0].trim()}»)`;
  }
  return null;
};

/** The file as text, or why it cannot be read the way a browser would read it. */
const asText = (file: Uint8Array | string): { text: string } | { problem: string } => {
  let text: string;
  if (typeof file === 'string') text = file.replace(/^\uFEFF/, '');
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    } catch {
      return { problem: 'it is not saved as UTF-8 text' };
    }
  }
  const control = firstControl(text);
  if (control) return { problem: `it holds the control character ${control}, which no drawing needs` };
  if (text.startsWith('<?xml')) {
    const declaration = XML_DECLARATION.exec(text);
    if (!declaration) return { problem: 'its XML declaration (<?xml …?>) is not the plain kind drawing tools write' };
    const encoding = declaration[3];
    if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8') {
      return {
        problem: `it declares the text encoding ${encoding}, which a browser would read differently from this check; only UTF-8 is taken`,
      };
    }
  }
  return { text };
};

/** Why an SVG file may not go into the media library, or null when it is a drawing only. */
export const svgProblem = (file: Uint8Array | string): string | null => {
  const read = asText(file);
  if ('problem' in read) return read.problem;
  const problems: string[] = [];
  const refuse = (what: string) => {
    if (problems.length === 0) problems.push(what);
  };
  const scopes: Scope[] = [new Map([['xml', XML_NS]])];
  /** For each open element, whether it is an SVG <style>: names alone cannot tell (`<i:style/>`). */
  const styles: boolean[] = [];
  /** The text of the open <style>, joined: a browser reads it as one piece of CSS. */
  let styleText: string | null = null;
  let attributes: [string, string][] = [];
  let root = true;

  const checkStyle = () => {
    if (styleText === null) return;
    const problem = cssProblem(styleText);
    if (problem) refuse(`its <style> ${problem}`);
    styleText = null;
  };

  const parser = new Parser(
    {
      onprocessinginstruction(name) {
        const lower = name.toLowerCase();
        if (lower.startsWith('!')) refuse('it declares a DOCTYPE or entities, which can hide script');
        // The declaration was read in asText; one anywhere else would be read by nobody the same way.
        else if (name !== '?xml' || parser.startIndex !== 0) refuse(`it holds the processing instruction <${name}>`);
      },
      oncomment() {},
      onattribute(name, value, quote) {
        if (quote !== '"' && quote !== "'") refuse(`the attribute ${name} has no quotes, which XML does not allow`);
        if (attributes.some(([seen]) => seen === name)) refuse(`the attribute ${name} is written twice`);
        attributes.push([name, value]);
      },
      onopentag(name) {
        const written = attributes;
        attributes = [];
        if (styleText !== null) refuse(`its <style> holds the element <${name}>; a style may hold only CSS text`);
        const scope: Scope = new Map(scopes.at(-1));
        for (const [attribute, value] of written) {
          if (attribute === 'xmlns') scope.set('', value);
          else if (attribute.startsWith('xmlns:')) scope.set(attribute.slice(6), value);
        }
        scopes.push(scope);
        const [prefix, local] = prefixOf(name);
        const namespace = scope.get(prefix) ?? (prefix === '' ? SVG_NS : undefined);
        if (root && (local !== 'svg' || namespace !== SVG_NS))
          refuse('it is not an SVG drawing (its root is not <svg>)');
        root = false;
        if (namespace === undefined) refuse(`the element <${name}> has no known namespace`);
        else if (METADATA_NS.has(namespace)) {
          // A drawing tool's notes: kept, never rendered.
        } else if (namespace !== SVG_NS) refuse(`the element <${name}> is not SVG (its namespace is ${namespace})`);
        else if (!ELEMENTS.has(local))
          refuse(
            `it holds the element <${local}>, which drawings on the site may not (scripts, links, frames, embedded pages and animations are refused)`,
          );
        const isStyle = local === 'style' && namespace === SVG_NS;
        styles.push(isStyle);
        if (isStyle) styleText = '';
        for (const [attribute, value] of written) {
          const [attributePrefix, attributeLocal] = prefixOf(attribute);
          const attributeNamespace = attributePrefix === '' ? null : scope.get(attributePrefix);
          if (attribute === 'xmlns' || attributePrefix === 'xmlns') continue;
          if (/^on/i.test(attributeLocal)) refuse(`the attribute ${attribute} is an event handler`);
          else if (attributeNamespace !== null && METADATA_NS.has(attributeNamespace ?? '')) {
            // A drawing tool's notes (a layer name, an export path): never read by a browser.
          } else if (attributeNamespace === XML_NS) {
            if (!XML_ATTRIBUTES.has(attributeLocal))
              refuse(
                `the attribute ${attribute} changes how the file is read (${attribute === 'xml:base' ? 'where its addresses point' : 'not needed by a drawing'})`,
              );
          } else if (attributePrefix !== '' && attributeNamespace !== XLINK_NS)
            refuse(`the attribute ${attribute} is in an unknown namespace`);
          else if (attributeLocal === 'href' || attributeLocal === 'src') {
            if (!LOCAL_REFERENCE.test(value.trim()))
              refuse(`${attribute}="${value.slice(0, 60)}" refers outside the file`);
          } else if (SCRIPT_SCHEME.test(value)) refuse(`the attribute ${attribute} holds a script or data address`);
          else {
            // Presentation attributes (fill, clip-path, …) are CSS to a browser, escapes and all.
            const problem = cssProblem(value);
            if (problem) refuse(`the attribute ${attribute} ${problem}`);
          }
        }
      },
      ontext(text) {
        if (styleText !== null) styleText += text;
      },
      onclosetag() {
        if (styles.pop()) checkStyle();
        scopes.pop();
      },
      oncdatastart() {
        if (styleText === null) refuse('it holds a CDATA section outside a <style>');
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(read.text);
  parser.end();
  checkStyle();
  if (root) return 'it is not an SVG drawing (no <svg> element)';
  return problems[0] ?? null;
};

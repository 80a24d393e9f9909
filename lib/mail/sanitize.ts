import sanitizeHtml from 'sanitize-html';

const UNSAFE_STYLE = /url\s*\(|expression\s*\(|@import|javascript:|behavior\s*:/i;

/**
 * Mail HTML as the browser may see it (in a sandboxed frame): no scripts, event handlers, frames,
 * forms or style sheets; links and images only over http, https, mailto and cid; inline styles
 * that could fetch anything (url(), @import) dropped. Also says whether it shows remote images.
 */
export function sanitizeEmailHtml(html: string): { html: string; hasRemoteImages: boolean } {
  let hasRemoteImages = false;
  const clean = sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'font', 'center', 'span'],
    allowedAttributes: {
      '*': ['style', 'align', 'valign', 'width', 'height', 'bgcolor', 'color', 'dir', 'title', 'class'],
      a: ['href', 'name', 'target'],
      img: ['src', 'alt', 'width', 'height', 'border'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      table: ['border', 'cellpadding', 'cellspacing'],
      font: ['face', 'size', 'color'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'cid'],
    allowedSchemesByTag: { img: ['http', 'https', 'cid'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      '*': (tagName, attribs) => {
        if (attribs.style && UNSAFE_STYLE.test(attribs.style)) {
          const { style: _style, ...rest } = attribs;
          return { tagName, attribs: rest };
        }
        return { tagName, attribs };
      },
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer' } }),
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img' && /^https?:/i.test(frame.attribs.src ?? '')) hasRemoteImages = true;
      return false;
    },
  });
  return { html: clean, hasRemoteImages };
}

import { attrs, escapeHtml, html, jsonBlock, raw } from './html.js';

describe('safe HTML', () => {
  it('escapes every interpolated text, in content and attributes', () => {
    const evil = `<script>alert("x")</script>' & \``;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; &#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; &#96;</p>',
    );
    expect(escapeHtml('a < b > c')).toBe('a &lt; b &gt; c');
  });

  it('keeps nested fragments as they are, and joins lists', () => {
    const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    const list = html`<ul>
      ${items}
    </ul>`.value;
    expect(list.replace(/>\s+</g, '><')).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
    expect(html`${raw('<br>')}${null}${undefined}${false}${0}`.value).toBe('<br>0');
  });

  it('writes attributes from a record: booleans bare or absent, values escaped', () => {
    expect(attrs({ checked: true, disabled: false, hidden: null, value: 'a"b', 'data-n': 3 }).value).toBe(
      ' checked value="a&quot;b" data-n="3"',
    );
    expect(attrs({}).value).toBe('');
  });

  it('embeds data so that no text can close the block', () => {
    const block = jsonBlock('page-data', { comment: '</script><script>alert(1)</script>', amp: '&', ls: '\u2028' }).value;
    expect(block).not.toMatch(/<\/script><script>/);
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    const json = block.slice(block.indexOf('>') + 1, block.lastIndexOf('</script>'));
    expect(JSON.parse(json)).toEqual({ comment: '</script><script>alert(1)</script>', amp: '&', ls: '\u2028' });
  });
});

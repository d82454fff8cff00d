// @vitest-environment node
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assembleCheckerHtml, escapeInlineScript } from '../../../scripts/build-verifier.ts';

// The single-file page: its inline script cannot end the <script> element early, and its CSP
// allows exactly its own script and style and no request of any kind.

const hashOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('escapeInlineScript', () => {
  it('keeps the meaning of strings, regexes and templates that hold </script or <!--', () => {
    const js = 'var a="</script><!--",b=/<!--x/.test("<!--x"),c=`</Script ${1}`;return [a,b,c]';
    const escaped = escapeInlineScript(js);
    expect(escaped).not.toMatch(/<\/script|<!--/i);
    expect(new Function(escaped)()).toEqual(['</script><!--', true, '</Script 1']);
  });
});

describe('assembleCheckerHtml', () => {
  const template =
    '<html><head><meta http-equiv="Content-Security-Policy" content="%CSP%" />\n<style>\n  %STYLE%\n</style></head>' +
    '<body><script>\n  %SCRIPT%\n</script></body></html>';

  it('inlines script and style and allows exactly those by hash, nothing else', () => {
    const js = 'document.title="$&$1</script>"';
    const html = assembleCheckerHtml(template, js, 'body{margin:0}');
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
    expect(script).toBe('document.title="$&$1<\\/script>"');
    expect(style).toBe('body{margin:0}');
    const csp = /content="([^"]*)"/.exec(html)![1]!;
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      `script-src 'sha256-${hashOf(script)}'`,
      `style-src 'sha256-${hashOf(style)}'`,
      "img-src 'none'",
      "connect-src 'none'",
      "form-action 'none'",
      "base-uri 'none'",
    ]);
  });

  it('refuses a style that could close its element', () => {
    expect(() => assembleCheckerHtml(template, '', 'a{}</style><script>x</script>')).toThrow(
      /closing tag/,
    );
  });
});

import { redactRequestForLog, redactUrl } from './log-redaction.js';

describe('secrets in URLs are redacted for the logs', () => {
  it.each([
    ['/invite?token=abcDEF123_-', '/invite?token=[redacted]'],
    ['/reset-password?lang=en&token=abc&next=/x', '/reset-password?lang=en&token=[redacted]&next=/x'],
    ['/x?TOKEN=abc#frag', '/x?TOKEN=[redacted]#frag'],
    ['/api/v1/calendar/s3cr3t.ics', '/api/v1/calendar/[redacted]'],
    ['/api/v1/calendar/s3cr3t.ics?x=1', '/api/v1/calendar/[redacted]?x=1'],
    ['/api/v1/assessments?tokens=3', '/api/v1/assessments?tokens=3'],
    ['/dashboard', '/dashboard'],
  ])('%s -> %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('redacts the serialised request without touching the live request objects', () => {
    const query = { token: 'abc', lang: 'fr' };
    const headers = { referer: 'https://x.org/invite?token=abc', 'user-agent': 'test' };
    const params = { secret: 'abc', id: '1' };
    const logged = redactRequestForLog({ url: '/invite?token=abc&lang=fr', query, params, headers });
    expect(logged).toEqual({
      url: '/invite?token=[redacted]&lang=fr',
      query: { token: '[redacted]', lang: 'fr' },
      params: { secret: '[redacted]', id: '1' },
      headers: { referer: 'https://x.org/invite?token=[redacted]', 'user-agent': 'test' },
    });
    expect(query.token).toBe('abc');
    expect(params.secret).toBe('abc');
    expect(headers.referer).toBe('https://x.org/invite?token=abc');
  });
});

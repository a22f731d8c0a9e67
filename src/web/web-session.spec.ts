import { safeNext } from './web-session.js';

describe('where to go after logging in', () => {
  it('accepts local paths with their query', () => {
    expect(safeNext('/assessments/1?section=usage')).toBe('/assessments/1?section=usage');
    expect(safeNext('/')).toBe('/');
  });

  it('refuses anything that could leave the site', () => {
    for (const bad of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      'dashboard',
      '',
      '/a b',
      undefined,
      42,
      ['/x'],
    ]) {
      expect(safeNext(bad)).toBe('/dashboard');
    }
    expect(safeNext('/' + 'x'.repeat(600))).toBe('/dashboard');
  });
});

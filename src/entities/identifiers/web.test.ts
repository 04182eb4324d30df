import { describe, expect, it } from 'vitest';
import { domainProblem, normaliseDomain, normaliseUrl } from './web.ts';

describe('normaliseDomain', () => {
  it('lower-cases and drops www. and a trailing dot', () => {
    expect(normaliseDomain('WWW.Example.COM.')).toMatchObject({ value: 'example.com', valid: true });
    expect(normaliseDomain('  scam-jobs.co.th ').value).toBe('scam-jobs.co.th');
  });

  it('writes IDN domains in punycode, whatever the case or width', () => {
    expect(normaliseDomain('Bücher.de').value).toBe('xn--bcher-kva.de');
    expect(normaliseDomain('BÜCHER.DE').value).toBe('xn--bcher-kva.de');
    expect(normaliseDomain('ｅｘａｍｐｌｅ．ｃｏｍ').value).toBe('example.com');
    expect(normaliseDomain('例子.测试')).toMatchObject({ value: 'xn--fsqu00a.xn--0zwm56d', valid: true });
  });

  it('reduces a pasted URL to its host', () => {
    expect(normaliseDomain('https://www.Example.com/jobs?id=1').value).toBe('example.com');
  });

  it('marks broken domains invalid with the reason', () => {
    expect(normaliseDomain('localhost')).toMatchObject({
      valid: false,
      problem: 'domain has no top-level domain',
    });
    expect(normaliseDomain('-bad-.com').valid).toBe(false);
    expect(normaliseDomain('exa mple.com')).toMatchObject({ valid: false, value: 'exa mple.com' });
    expect(normaliseDomain('user@example.com')).toMatchObject({
      valid: false,
      problem: 'is not a domain name',
    });
    expect(normaliseDomain('').valid).toBe(false);
  });

  it('never alters raw', () => {
    expect(normaliseDomain(' WWW.Bücher.de ').raw).toBe(' WWW.Bücher.de ');
  });
});

describe('domainProblem', () => {
  it('accepts sound hosts and names the fault in others', () => {
    expect(domainProblem('a.example')).toBeUndefined();
    expect(domainProblem('a.123')).toBe('has a top-level domain that is not alphabetic');
    expect(domainProblem(`${'a'.repeat(64)}.com`)).toBe(
      'has a label with characters not allowed in a domain',
    );
  });
});

describe('normaliseUrl', () => {
  it('lower-cases scheme and host, drops default port, trailing slash and fragment', () => {
    const url = normaliseUrl('HTTPS://WWW.Example.com:443/Jobs/#apply');
    expect(url).toMatchObject({
      value: 'https://www.example.com/Jobs',
      valid: true,
      details: { domain: 'example.com' },
    });
    expect(normaliseUrl('http://example.com:80/').value).toBe('http://example.com');
  });

  it('keeps a non-default port and the path case', () => {
    expect(normaliseUrl('http://Example.com:8080/A/b').value).toBe('http://example.com:8080/A/b');
  });

  it('removes tracking parameters and keeps the others', () => {
    const url = normaliseUrl('https://example.com/job?utm_source=fb&UTM_Campaign=x&id=7&fbclid=abc&gclid=1');
    expect(url.value).toBe('https://example.com/job?id=7');
    expect(normaliseUrl('https://example.com/?utm_medium=sms').value).toBe('https://example.com');
  });

  it('assumes https when no scheme is written', () => {
    expect(normaliseUrl('example.com/jobs')).toMatchObject({
      value: 'https://example.com/jobs',
      details: { domain: 'example.com', schemeAssumed: 'https' },
    });
    expect(normaliseUrl('example.com:8443/x').value).toBe('https://example.com:8443/x');
  });

  it('reads IDN and full-width hosts', () => {
    expect(normaliseUrl('http://Bücher.de/').value).toBe('http://xn--bcher-kva.de');
    expect(normaliseUrl(' https://ＥＸＡＭＰＬＥ.com/ ').value).toBe('https://example.com');
  });

  it('accepts IP hosts', () => {
    expect(normaliseUrl('http://192.168.0.1:8080/x')).toMatchObject({
      valid: true,
      value: 'http://192.168.0.1:8080/x',
    });
  });

  it('marks non-web and broken addresses invalid', () => {
    expect(normaliseUrl('javascript:alert(1)')).toMatchObject({
      valid: false,
      problem: 'scheme javascript: is not a web address',
    });
    expect(normaliseUrl('https://exa mple.com')).toMatchObject({
      valid: false,
      value: 'https://exa mple.com',
    });
    expect(normaliseUrl('https://localhost/x').valid).toBe(false);
  });

  it('never alters raw', () => {
    const raw = ' HTTPS://Example.com/?utm_source=x ';
    expect(normaliseUrl(raw).raw).toBe(raw);
  });
});

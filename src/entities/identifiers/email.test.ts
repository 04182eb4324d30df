import { describe, expect, it } from 'vitest';
import { normaliseEmail } from './email.ts';

describe('normaliseEmail', () => {
  it('trims and lower-cases both parts', () => {
    expect(normaliseEmail('  John.Doe@Gmail.COM ')).toMatchObject({
      value: 'john.doe@gmail.com',
      valid: true,
      details: { domain: 'gmail.com' },
    });
  });

  it('drops mailto: and angle brackets', () => {
    expect(normaliseEmail('mailto:HR@Example.com').value).toBe('hr@example.com');
    expect(normaliseEmail('mailto:HR@Example.com?subject=Job').value).toBe('hr@example.com');
    expect(normaliseEmail('<hr@example.com>').value).toBe('hr@example.com');
    expect(normaliseEmail('Golden Jobs HR <HR@Example.com>').value).toBe('hr@example.com');
  });

  it('keeps plus tags and dots (providers differ on them)', () => {
    expect(normaliseEmail('a.b+jobs@example.com').value).toBe('a.b+jobs@example.com');
  });

  it('undoes the [at] / (dot) disguise and says so', () => {
    expect(normaliseEmail('recruit [at] jobs-asia [dot] com')).toMatchObject({
      value: 'recruit@jobs-asia.com',
      valid: true,
      details: { disguised: 'true' },
    });
    expect(normaliseEmail('recruit(AT)jobs(DOT)com').value).toBe('recruit@jobs.com');
    expect(normaliseEmail('recruit @ jobs . com')).toMatchObject({
      value: 'recruit@jobs.com',
      details: { disguised: 'true' },
    });
  });

  it('reads full-width characters and IDN domains', () => {
    expect(normaliseEmail('ｈｒ＠ｅｘａｍｐｌｅ．ｃｏｍ').value).toBe('hr@example.com');
    expect(normaliseEmail('Info@Bücher.DE')).toMatchObject({ value: 'info@xn--bcher-kva.de', valid: true });
    expect(normaliseEmail('用户@例子.测试').valid).toBe(true);
  });

  it('marks malformed addresses invalid with the reason, keeping a cleaned value', () => {
    expect(normaliseEmail('John.example.com')).toMatchObject({
      valid: false,
      problem: 'has no @',
      value: 'john.example.com',
    });
    expect(normaliseEmail('a@b@example.com')).toMatchObject({ valid: false, problem: 'has more than one @' });
    expect(normaliseEmail('@example.com')).toMatchObject({
      valid: false,
      problem: 'has nothing before the @',
    });
    expect(normaliseEmail('john..doe@example.com').problem).toBe(
      'has characters or dots not allowed before the @',
    );
    expect(normaliseEmail('john@localhost')).toMatchObject({
      valid: false,
      problem: 'domain has no top-level domain',
    });
    expect(normaliseEmail('john@exa mple.com')).toMatchObject({ valid: false, value: 'john@exa mple.com' });
    expect(normaliseEmail(`${'a'.repeat(65)}@example.com`).valid).toBe(false);
  });

  it('never alters raw', () => {
    const raw = ' Recruit [at] Jobs [dot] com ';
    expect(normaliseEmail(raw).raw).toBe(raw);
  });
});

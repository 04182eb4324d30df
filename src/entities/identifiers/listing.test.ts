import { describe, expect, it } from 'vitest';
import { normaliseIdentifier } from './index.ts';

describe('job ads and scam compounds', () => {
  it('keys a job ad on its words, whatever the punctuation and case', () => {
    const a = normaliseIdentifier('job_ad', 'URGENT!! Customer service, Bangkok — $1,500/month');
    const b = normaliseIdentifier('job_ad', 'urgent customer service   bangkok 1 500 MONTH');
    expect(a.valid).toBe(true);
    expect(a.value).toBe(b.value);
    expect(a.raw).toBe('URGENT!! Customer service, Bangkok — $1,500/month');
  });

  it('keeps a job ad in its own script', () => {
    expect(normaliseIdentifier('job_ad', '高薪招聘 客服 泰国').value).toBe('高薪招聘 客服 泰国');
  });

  it('marks an ad with no words invalid and keeps it as written', () => {
    const ad = normaliseIdentifier('job_ad', '!!! $$$');
    expect(ad).toMatchObject({ valid: false, raw: '!!! $$$', problem: 'the job ad has no words' });
  });

  it('links compounds written with and without dots, and keeps the country out of the key', () => {
    const a = normaliseIdentifier('scam_compound', 'K.K. Park', { defaultCountry: 'MM' });
    const b = normaliseIdentifier('scam_compound', 'KK PARK');
    expect(a.value).toBe('kk park');
    expect(b.value).toBe(a.value);
    expect(a.details).toEqual({ country: 'MM' });
    expect(b.details).toEqual({});
  });

  it('marks a compound with no name invalid', () => {
    expect(normaliseIdentifier('scam_compound', ' - ').valid).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { doctorShortName } from './doctor-short-name';

describe('doctorShortName', () => {
  it('keeps a title the clinic wrote, with the first name, on one line', () => {
    expect(doctorShortName('Dra. Helena Duarte')).toBe('Dra.\u00a0Helena');
    expect(doctorShortName('dr Rafael Lima')).toBe('dr\u00a0Rafael');
    expect(doctorShortName('Dr(a). Sam Reis')).toBe('Dr(a).\u00a0Sam');
  });

  it('never makes up a title', () => {
    expect(doctorShortName('Helena Duarte')).toBe('Helena Duarte');
    expect(doctorShortName('  Drummond Alves ')).toBe('Drummond Alves');
    expect(doctorShortName('Dra.')).toBe('Dra.');
  });
});

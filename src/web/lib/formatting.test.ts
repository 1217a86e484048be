import { describe, expect, it } from 'vitest';
import { ageFrom, daysUntil, formatCalendarDate, formatDate, formatDateTime, formatTime } from './format-date';
import { formatPhone, whatsAppNumber } from './format-phone';
import { whatsAppUrl } from './whatsapp';

describe('dates', () => {
  it('formats instants in São Paulo time and calendar dates without shifting', () => {
    expect(formatDate('2026-12-05T02:00:00.000Z')).toBe('04/12/2026');
    expect(formatCalendarDate('1990-03-07')).toBe('07/03/1990');
    expect(formatDate('nope')).toBe('');
  });

  it('writes every moment one way: "30/11/2026 às 00:44", in São Paulo time', () => {
    // 03:44 UTC is 00:44 in São Paulo: the day is the clinic's, and midnight reads 00, not 24.
    expect(formatDateTime('2026-11-30T03:44:00.000Z')).toBe('30/11/2026 às 00:44');
    // 02:00 UTC on the 5th is still the 4th in São Paulo.
    expect(formatDateTime('2026-12-05T02:00:00Z')).toBe('04/12/2026 às 23:00');
    expect(formatDateTime('2026-01-02T15:05:00-03:00')).toBe('02/01/2026 às 15:05');
    expect(formatTime('2026-11-30T03:44:00.000Z')).toBe('00:44');
    expect(formatDateTime('nope')).toBe('');
    expect(formatDateTime('')).toBe('');
  });

  it('counts days and ages', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(daysUntil('2026-12-05T12:00:00Z', now)).toBe(7);
    expect(daysUntil('2026-11-01T12:00:00Z', now)).toBe(0);
    expect(ageFrom('1990-11-29', '2026-11-28')).toBe(35);
    expect(ageFrom('1990-11-28', '2026-11-28')).toBe(36);
  });
});

describe('phones and WhatsApp', () => {
  it('formats Brazilian phones', () => {
    expect(formatPhone('11912345678')).toBe('(11) 91234-5678');
    expect(formatPhone('1133334444')).toBe('(11) 3333-4444');
    expect(formatPhone('123')).toBe('123');
  });

  it('builds wa.me links with 55 + digits and an encoded message', () => {
    expect(whatsAppNumber('(11) 91234-5678')).toBe('5511912345678');
    expect(whatsAppNumber(null)).toBeNull();
    expect(whatsAppUrl('Olá! Link: https://x/convite/a?b=1', '11912345678')).toBe(
      'https://wa.me/5511912345678?text=Ol%C3%A1!%20Link%3A%20https%3A%2F%2Fx%2Fconvite%2Fa%3Fb%3D1',
    );
    expect(whatsAppUrl('Oi', undefined)).toBe('https://wa.me/?text=Oi');
  });
});

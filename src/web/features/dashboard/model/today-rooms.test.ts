import { describe, expect, it } from 'vitest';
import type { Room } from '#shared/schemas/rooms.ts';
import { todayRooms } from './today-rooms';

// 30/11/2026 at 21:30 in São Paulo (UTC-3): already 1 December in UTC.
const NOW = new Date('2026-12-01T00:30:00.000Z');

function room(code: string, o: Partial<Room> = {}): Room {
  return {
    code,
    status: 'open',
    reason: null,
    scheduledAt: null,
    createdAt: '2026-11-30T12:00:00.000Z',
    closedAt: null,
    joinUrl: `/sala/${code}`,
    doctor: { id: 'd', name: 'Dra. Helena Duarte', crm: 'CRM/SP 123456', specialty: 'Clínica médica', photoUrl: null },
    patient: { id: 'p', name: 'José da Silva', photoUrl: null },
    consultation: null,
    doctorOnline: false,
    patientOnline: false,
    ...o,
  };
}

describe('todayRooms', () => {
  it('keeps rooms booked for today (São Paulo’s day), earlier and unbooked; counts the later ones', () => {
    const { today, later } = todayRooms(
      [
        room('tonight', { scheduledAt: '2026-12-01T00:00:00.000Z' }), // 21:00 on the 30th in São Paulo
        room('tomorrow', { scheduledAt: '2026-12-01T13:00:00.000Z' }),
        room('yesterday', { scheduledAt: '2026-11-29T13:00:00.000Z' }),
        room('any-time'),
        room('closed', { status: 'finished' }),
      ],
      NOW,
    );
    expect(today.map((r) => r.code)).toEqual(['yesterday', 'tonight', 'any-time']);
    expect(later).toBe(1);
  });

  it('puts a waiting patient first', () => {
    const { today } = todayRooms([room('booked', { scheduledAt: '2026-11-30T15:00:00.000Z' }), room('waiting', { patientOnline: true })], NOW);
    expect(today.map((r) => r.code)).toEqual(['waiting', 'booked']);
  });

  it('orders unbooked rooms oldest first', () => {
    const { today } = todayRooms([room('new', { createdAt: '2026-11-30T18:00:00.000Z' }), room('old', { createdAt: '2026-11-30T09:00:00.000Z' })], NOW);
    expect(today.map((r) => r.code)).toEqual(['old', 'new']);
  });
});

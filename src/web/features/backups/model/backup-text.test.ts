import { describe, expect, it } from 'vitest';
import { countLines, erasedTotal, erasesLines, megabytes, shortHash, tableLabel } from './backup-text';

describe('backup text', () => {
  it('shows sizes in MB with a decimal comma, never 0 for a real file', () => {
    expect(megabytes(12_400_000)).toBe('12,4 MB');
    expect(megabytes(2_000)).toBe('0,1 MB');
    expect(megabytes(0)).toBe('0,0 MB');
  });

  it('shortens a SHA-256 to its start and end', () => {
    expect(shortHash('a'.repeat(10) + 'b'.repeat(44) + 'c'.repeat(10))).toBe('aaaaaa…cccccc');
    expect(shortHash('abc')).toBe('abc');
  });

  it('labels tables in plain words and keeps unknown names', () => {
    expect(tableLabel('billing_records')).toBe('Registros de faturamento');
    expect(tableLabel('something_new')).toBe('something_new');
  });

  it('lists counts biggest first without empty tables', () => {
    expect(countLines({ users: 3, rooms: 0, consultations: 7 }).map((l) => l.label)).toEqual(['Consultas', 'Usuários']);
  });

  it('says what a reset erases with singular and plural', () => {
    const lines = erasesLines({ users: 2, doctors: 1, patients: 1, consultations: 0, records: 1, billing: 1_500, payments: 2 });
    expect(lines).toContain('1 médico');
    expect(lines).toContain('0 consultas');
    expect(lines).toContain('1.500 registros de faturamento');
    expect(lines).toContain('2 contas de acesso (médicos e pacientes)');
  });

  it('adds up erased rows', () => {
    expect(erasedTotal({ a: 2, b: 3 })).toBe(5);
  });
});

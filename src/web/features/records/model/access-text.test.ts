import { describe, expect, it } from 'vitest';
import { accessSentence, accessWhatText } from './access-text';

const at = '2026-11-28T17:30:00Z';
const admin = { id: 'a', name: 'Carla Gestora', role: 'admin' } as const;
const doctor = { id: 'd', name: 'Fulano Silva', role: 'doctor' } as const;

describe('access log texts', () => {
  it('tells the patient who opened their record', () => {
    expect(accessSentence({ actor: doctor, action: 'record.view', at, subject: null })).toBe('Dr(a). Fulano Silva abriu seu prontuário em 28/11/2026 às 14:30');
    expect(accessSentence({ actor: { id: '1', name: 'Dra. Ana', role: 'doctor' }, action: 'document.view', at, subject: null })).toMatch(
      /^Dra\. Ana abriu um documento/,
    );
  });

  it('tells the patient a doctor was given access, by the clinic, without naming the employee', () => {
    const sentence = accessSentence({ actor: admin, action: 'access.granted', at, subject: doctor });
    expect(sentence).toBe('Dr(a). Fulano Silva passou a ter acesso ao seu prontuário (por Administração, em 28/11/2026 às 14:30)');
    expect(sentence).not.toContain('Carla');
    expect(accessSentence({ actor: admin, action: 'access.revoked', at, subject: doctor })).toBe(
      'Dr(a). Fulano Silva deixou de ter acesso ao seu prontuário (por Administração, em 28/11/2026 às 14:30)',
    );
  });

  it('names the doctor in the admin log', () => {
    expect(accessWhatText({ actor: admin, action: 'access.granted', at, subject: { ...doctor, name: 'Dra. Helena Duarte' } })).toBe(
      'Dra. Helena Duarte passou a ter acesso ao prontuário',
    );
    expect(accessWhatText({ actor: doctor, action: 'record.view', at, subject: null })).toBe('Abriu o prontuário');
  });
});

import { describe, expect, it } from 'vitest';
import { consentText, consultationStatusText, consultationWhatText, documentKindFromSlug, documentPath, entryTitle } from './record-text';

describe('record texts', () => {
  it('names entries by their moment in São Paulo time', () => {
    expect(entryTitle({ kind: 'evolution', finalizedAt: '2026-11-28T17:30:00Z', createdAt: '2026-11-28T17:00:00Z' })).toBe('Evolução de 28/11/2026 às 14:30');
    expect(entryTitle({ kind: 'addendum', finalizedAt: null, createdAt: '2026-11-28T17:00:00Z' })).toBe('Adendo de 28/11/2026 às 14:00');
  });

  it('maps document slugs both ways', () => {
    expect(documentPath('prescription', 'x')).toBe('/documentos/receita/x');
    expect(documentKindFromSlug('receita')).toBe('prescription');
    expect(documentKindFromSlug('evolution')).toBe('evolution');
    expect(documentKindFromSlug('outro')).toBeNull();
  });

  it('names a consultation state', () => {
    expect(consultationStatusText({ endedAt: null, finalizedBy: null })).toBe('Em andamento');
    expect(consultationWhatText({ kind: 'video', reason: 'Retorno' })).toBe('Retorno');
    expect(consultationWhatText({ kind: 'video', reason: null })).toBe('Consulta por vídeo');
    expect(consultationWhatText({ kind: 'in_person', reason: null })).toBe('Consulta presencial');
    expect(consultationWhatText({ kind: 'phone', reason: 'ignorado' })).toBe('Consulta por telefone');
    expect(consultationStatusText({ endedAt: 'x', finalizedBy: 'doctor' })).toBe('Realizada');
  });
});

describe('consentText', () => {
  it('says whether and when the term was accepted', () => {
    expect(consentText({ currentVersion: '1', accepted: null })).toEqual({ text: 'Ainda não aceitou', ok: false });
    expect(consentText({ currentVersion: '1', accepted: { version: '1', acceptedAt: '2026-11-28T17:30:00Z' } })).toEqual({
      text: 'Aceito em 28/11/2026 às 14:30 (versão 1)',
      ok: true,
    });
    expect(consentText({ currentVersion: '2', accepted: { version: '1', acceptedAt: '2026-11-28T17:30:00Z' } }).ok).toBe(false);
  });
});

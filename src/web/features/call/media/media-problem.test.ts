import { describe, expect, it } from 'vitest';
import { mediaProblemOf } from './media-problem';

const error = (name: string) => Object.assign(new Error(name), { name });

describe('mediaProblemOf', () => {
  it('explains a blocked permission with what to click', () => {
    const problem = mediaProblemOf(error('NotAllowedError'), 'camera');
    expect(problem.kind).toBe('denied');
    expect(problem.title).toBe('O navegador bloqueou a câmera');
    expect(problem.help).toContain('Permitir');
    expect(mediaProblemOf(error('NotAllowedError'), 'both').title).toBe('O navegador bloqueou a câmera e o microfone');
  });

  it('tells a missing device from one in use by another program', () => {
    expect(mediaProblemOf(error('NotFoundError'), 'microphone')).toMatchObject({ kind: 'not_found', title: 'Nenhum microfone encontrado' });
    expect(mediaProblemOf(error('NotReadableError'), 'camera').help).toContain('em uso por outro programa');
    expect(mediaProblemOf(error('Weird'), 'camera').kind).toBe('unknown');
  });
});

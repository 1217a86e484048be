import { describe, expect, it } from 'vitest';
import { closedTitle } from './closed-text';

describe('closedTitle', () => {
  it('says the clinic ended the call after a reset, for either side', () => {
    expect(closedTitle('reset', false)).toBe('A clínica encerrou esta consulta.');
    expect(closedTitle('reset', true)).toBe('A clínica encerrou esta consulta.');
  });

  it('keeps the usual words otherwise', () => {
    expect(closedTitle('finalized', false)).toBe('A consulta foi encerrada.');
    expect(closedTitle(null, true)).toBe('Esta sala foi cancelada.');
    expect(closedTitle('auto', false)).toBe('A consulta foi encerrada.');
  });
});

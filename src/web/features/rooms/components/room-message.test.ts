import { describe, expect, it } from 'vitest';
import { roomMessage } from './room-message';

describe('room messages', () => {
  it('greets the patient by first name and names the doctor', () => {
    const text = roomMessage('Maria Aparecida Souza', 'Dra. Helena Duarte', 'https://x/sala/abc', '2026-12-05T17:30:00.000Z');
    expect(text).toContain('Olá, Maria!');
    expect(text).toContain('Dra. Helena Duarte');
    expect(text).toContain('05/12/2026 às 14:30');
    expect(text).toContain('https://x/sala/abc');
    expect(roomMessage('Ana', 'Ana Souza', 'u', null)).toContain('Dr(a). Ana Souza abriu uma consulta por vídeo');
  });
});

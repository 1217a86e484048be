import { describe, it, expect } from 'vitest';
import { AVATAR_COLORS, avatarColorOf, initialsOf } from './initials';

describe('initialsOf', () => {
  it.each([
    ['Maria Silva', 'MS'],
    ['maria silva', 'MS'],
    ['João Pedro Alves', 'JA'],
    ['Érica Souza', 'ÉS'],
    ['ítalo ângelo', 'ÍÂ'],
    ['E\u0301rica Souza', 'ÉS'], // decomposed accent
    ['Maria da Silva', 'MS'],
    ['Maria da Silva e Souza', 'MS'],
    ['Ana dos Santos', 'AS'],
    ['Pedro de', 'P'],
    ['Luiz Inácio Da Silva', 'LS'],
    ['Madonna', 'M'],
    ['  Ana   Lima  ', 'AL'],
    ['Ana\tLima', 'AL'],
    ['Ana-Clara Ribeiro', 'AR'],
    ["D'Ávila Costa", 'DC'],
    ['Dr. João Silva', 'JS'],
    ['Dra. Helena Duarte', 'HD'],
    ['Dra Helena Duarte', 'HD'],
    ['Prof. Dr. Rafael Lima', 'RL'],
    ['(Ana) Lima', 'AL'],
    ['da Silva', 'S'],
    ['de', 'D'],
    ['', '?'],
    ['   ', '?'],
    ['123 456', '?'],
    ['- -', '?'],
  ])('%j → %j', (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });

  it('never returns more than two letters', () => {
    expect([...initialsOf('Ana Beatriz Carla Daniela')]).toHaveLength(2);
  });
});

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrastWithWhite(hex: string): number {
  return (1 + 0.05) / (luminance(hex) + 0.05);
}

describe('AVATAR_COLORS', () => {
  it('has about ten distinct #RRGGBB colours', () => {
    expect(AVATAR_COLORS.length).toBeGreaterThanOrEqual(8);
    expect(AVATAR_COLORS.length).toBeLessThanOrEqual(12);
    expect(new Set(AVATAR_COLORS.map((c) => c.toLowerCase())).size).toBe(AVATAR_COLORS.length);
    for (const c of AVATAR_COLORS) expect(c).toMatch(/^#[0-9A-Fa-f]{6}$/);
  });

  it.each([...AVATAR_COLORS])('%s meets WCAG AA (4.5:1) with white text', (color) => {
    expect(contrastWithWhite(color)).toBeGreaterThanOrEqual(4.5);
  });

  it('the contrast helper matches known values', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#FFFFFF')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2);
  });
});

describe('avatarColorOf', () => {
  it('always returns a palette colour', () => {
    for (const name of ['', 'A', 'Maria Silva', 'Érica Souza', '😀', 'x'.repeat(1000)]) {
      expect(AVATAR_COLORS).toContain(avatarColorOf(name));
    }
  });

  it('is deterministic and ignores case, spacing and normalisation form', () => {
    expect(avatarColorOf('Maria Silva')).toBe(avatarColorOf('Maria Silva'));
    expect(avatarColorOf('maria silva')).toBe(avatarColorOf('MARIA SILVA'));
    expect(avatarColorOf('  Maria   Silva ')).toBe(avatarColorOf('Maria Silva'));
    expect(avatarColorOf('E\u0301rica')).toBe(avatarColorOf('Érica'));
  });

  it('spreads names across the palette', () => {
    const used = new Set<string>();
    for (let i = 0; i < 200; i++) used.add(avatarColorOf(`Paciente ${i}`));
    expect(used.size).toBe(AVATAR_COLORS.length);
  });
});

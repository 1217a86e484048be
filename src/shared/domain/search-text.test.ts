import { describe, expect, it } from 'vitest';
import { foldForSearch, userSearchText } from './search-text';

describe('foldForSearch', () => {
  it('drops case and accents, the way Brazilian names are typed without them', () => {
    expect(foldForSearch('JOÃO Araújo')).toBe('joao araujo');
    expect(foldForSearch('Conceição Gonçalves Ñúñez')).toBe('conceicao goncalves nunez');
    expect(foldForSearch('Érica ÂÊÔ àèìòù äëïöü')).toBe('erica aeo aeiou aeiou');
  });

  it('folds decomposed input and compatibility characters the same as composed ones', () => {
    expect(foldForSearch('Jo\u0061\u0303o')).toBe('joao');
    expect(foldForSearch('Raﬁ')).toBe('rafi');
    expect(foldForSearch('İlker')).toBe('ilker');
  });

  it('collapses and trims whitespace but keeps punctuation and digits', () => {
    expect(foldForSearch('  maria \t da   silva ')).toBe('maria da silva');
    expect(foldForSearch('Joao_Silva%@Clinica.com.br')).toBe('joao_silva%@clinica.com.br');
    expect(foldForSearch('390.533.447-05')).toBe('390.533.447-05');
  });
});

describe('userSearchText', () => {
  it('holds the folded name and e-mail on separate lines', () => {
    expect(userSearchText({ name: 'Érica  Gonçalves', email: 'Erica.G@Clinica.com.br' })).toBe('erica goncalves\nerica.g@clinica.com.br');
  });
});

import { describe, expect, it } from 'vitest';
import { firstNameOf, nameWithoutTitle } from './person-name';

describe('nameWithoutTitle', () => {
  it.each([
    ['Dra. Helena Duarte', 'Helena Duarte'],
    ['Dr. Rafael Lima', 'Rafael Lima'],
    ['Dra Helena Duarte', 'Helena Duarte'],
    ['dr rafael lima', 'rafael lima'],
    ['DRA. HELENA', 'HELENA'],
    ['Dr(a). Ana Souza', 'Ana Souza'],
    ['Prof. Dr. Rafael Lima', 'Rafael Lima'],
    ['Profª Ana Souza', 'Ana Souza'],
    ['Sra. Maria Souza', 'Maria Souza'],
    ['  Dra.   Helena   Duarte ', 'Helena Duarte'],
    ['Helena Duarte', 'Helena Duarte'],
    // A word that only starts like a title is part of the name.
    ['Draúzio Varella', 'Draúzio Varella'],
    ['Drummond Andrade', 'Drummond Andrade'],
    // Only a title: nothing better to show.
    ['Dra.', 'Dra.'],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(nameWithoutTitle(name)).toBe(expected);
  });
});

describe('firstNameOf', () => {
  it.each([
    ['Dra. Helena Duarte', 'Helena'],
    ['Dr. Rafael Lima', 'Rafael'],
    ['José da Silva', 'José'],
    ['Madonna', 'Madonna'],
    ['Prof. Dr. Rafael Lima', 'Rafael'],
    ['', ''],
  ])('%j → %j', (name, expected) => {
    expect(firstNameOf(name)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { doctorTitle } from './doctor-title';
import { formatClock, formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('speaks in seconds, minutes and hours', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(12 * 60 + 20)).toBe('12 min');
    expect(formatDuration(3600 + 5 * 60)).toBe('1 h 05 min');
    expect(formatDuration(null)).toBe('—');
  });
});

describe('formatClock', () => {
  it('shows mm:ss, and h:mm:ss past an hour', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(249)).toBe('04:09');
    expect(formatClock(3729)).toBe('1:02:09');
    expect(formatClock(-3)).toBe('00:00');
  });
});

describe('doctorTitle', () => {
  it('adds Dr(a). only when the name has no title yet', () => {
    expect(doctorTitle('Ana Souza')).toBe('Dr(a). Ana Souza');
    expect(doctorTitle('Dra. Helena Duarte')).toBe('Dra. Helena Duarte');
    expect(doctorTitle('Dr. Rafael Monteiro')).toBe('Dr. Rafael Monteiro');
    expect(doctorTitle('Drummond Alves')).toBe('Dr(a). Drummond Alves');
  });
});

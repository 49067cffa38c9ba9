import { describe, expect, it } from 'vitest';
import { formatMinutes, officeInputs, officeInstant } from './office-time.js';

describe('office time (Europe/Berlin)', () => {
  it('reads an instant on the office clock in winter and in summer', () => {
    expect(officeInputs('2027-01-15T13:30:00.000Z')).toEqual({ date: '2027-01-15', time: '14:30' });
    expect(officeInputs('2027-07-15T13:30:00.000Z')).toEqual({ date: '2027-07-15', time: '15:30' });
    expect(officeInputs('2027-01-15T23:30:00.000Z')).toEqual({ date: '2027-01-16', time: '00:30' });
  });

  it('turns a wall-clock date and time back into the same instant', () => {
    expect(officeInstant('2027-01-15', '14:30')).toBe('2027-01-15T13:30:00.000Z');
    expect(officeInstant('2027-07-15', '15:30')).toBe('2027-07-15T13:30:00.000Z');
    expect(officeInstant('2027-03-28', '01:30')).toBe('2027-03-28T00:30:00.000Z');
    expect(officeInstant('2027-03-28', '04:00')).toBe('2027-03-28T02:00:00.000Z');
  });

  it('refuses what is no date or time', () => {
    expect(officeInstant('', '10:00')).toBeNull();
    expect(officeInstant('2027-01-15', '')).toBeNull();
  });

  it('writes minutes as a clock', () => {
    expect(formatMinutes(75.5)).toBe('75:30');
    expect(formatMinutes(0)).toBe('0:00');
    expect(formatMinutes(-2.25)).toBe('−2:15');
  });
});

// Priority, due dates, overdue and the widening of a case's sharing.
import { describe, expect, it } from 'vitest';
import { Invalid } from '../../errors.ts';
import { checkDueOn, isOverdue, priorityOf, widenCaseSharing } from './rules.ts';

describe('priorityOf', () => {
  it('makes a request about a child victim urgent whatever was asked', () => {
    expect(priorityOf('normal', true)).toBe('urgent');
    expect(priorityOf(undefined, true)).toBe('urgent');
    expect(priorityOf(undefined, false)).toBe('normal');
    expect(priorityOf('urgent', false)).toBe('urgent');
  });
});

describe('checkDueOn', () => {
  it('accepts today and later, refuses the past naming dueOn', () => {
    expect(() => checkDueOn('2023-10-16', '2023-10-16')).not.toThrow();
    expect(() => checkDueOn(undefined, '2023-10-16')).not.toThrow();
    expect(() => checkDueOn('2023-10-15', '2023-10-16')).toThrow(Invalid);
    expect(() => checkDueOn('2023-10-15', '2023-10-16')).toThrow(/dueOn 2023-10-15 is before today/);
  });
});

describe('isOverdue', () => {
  it('is overdue only while nobody has answered and after the due day', () => {
    expect(isOverdue({ status: 'open', due_on: '2023-10-20' }, '2023-10-21')).toBe(true);
    expect(isOverdue({ status: 'open', due_on: '2023-10-20' }, '2023-10-20')).toBe(false);
    expect(isOverdue({ status: 'answered', due_on: '2023-10-20' }, '2023-10-21')).toBe(false);
    expect(isOverdue({ status: 'open', due_on: null }, '2023-10-21')).toBe(false);
  });
});

describe('widenCaseSharing', () => {
  it("lists the addressees' countries on a case kept by its owner", () => {
    expect(widenCaseSharing({ sharing: 'owner', shared_with: [] }, ['IN', 'BD', 'IN'])).toEqual({
      sharing: 'listed',
      shared_with: ['BD', 'IN'],
    });
  });
  it('adds the missing countries to a listed case, and changes nothing when none is missing', () => {
    expect(widenCaseSharing({ sharing: 'listed', shared_with: ['TR'] }, ['IN'])).toEqual({
      sharing: 'listed',
      shared_with: ['TR', 'IN'],
    });
    expect(widenCaseSharing({ sharing: 'listed', shared_with: ['TR', 'IN'] }, ['IN'])).toBeNull();
  });
  it('leaves a case shared with the whole operation as it is', () => {
    expect(widenCaseSharing({ sharing: 'operation', shared_with: [] }, ['IN'])).toBeNull();
  });
});

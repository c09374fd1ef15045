// The @user / ~channel / :emoji word at the caret, and splicing a completion in.
import { describe, expect, it } from 'vitest';
import { applyCompletion, findTrigger } from '../../src/autocomplete';

describe('findTrigger', () => {
  it('finds a mention being typed', () => {
    expect(findTrigger('hi @al', 6)).toEqual({ kind: '@', term: 'al', start: 3 });
    expect(findTrigger('@', 1)).toEqual({ kind: '@', term: '', start: 0 });
  });
  it('finds a channel and an emoji', () => {
    expect(findTrigger('see ~town', 9)).toEqual({ kind: '~', term: 'town', start: 4 });
    expect(findTrigger('nice :sm', 8)).toEqual({ kind: ':', term: 'sm', start: 5 });
  });
  it('ignores e-mail addresses, times and words already finished', () => {
    expect(findTrigger('mail a@b', 8)).toBeNull();
    expect(findTrigger('at 10:30', 8)).toBeNull();
    expect(findTrigger('hi @al ', 7)).toBeNull();
    expect(findTrigger(':s', 2)).toBeNull();
  });
  it('only looks left of the caret', () => {
    expect(findTrigger('@alice and more', 3)).toEqual({ kind: '@', term: 'al', start: 0 });
  });
});

describe('applyCompletion', () => {
  it('replaces the word and moves the caret after it', () => {
    const text = 'hi @al, there';
    const t = findTrigger(text, 6)!;
    expect(applyCompletion(text, 6, t, '@alice ')).toEqual({ text: 'hi @alice , there', caret: 10 });
  });
});

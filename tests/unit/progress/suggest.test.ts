import { describe, expect, it } from 'vitest';
import { type Completion, type Suggestion, suggestLevel } from '../../../utils/progress';
import { completion as c, T0 } from './fixtures';

const day = (n: number) => T0 + n * 86_400_000;
const helped = { help: ['connexion'] };
const byHand = { byHand: ['telecharger'] };

describe('the suggestion of less help', () => {
  const must: [string, Completion[], Suggestion][] = [
    ['twice guided without help', [c('guided', day(1)), c('guided', day(2))], { from: 'guided', times: 2, to: 'on-demand' }],
    [
      'twice guided without help after a first time with help',
      [c('guided', day(1), helped), c('guided', day(2)), c('guided', day(3))],
      { from: 'guided', times: 2, to: 'on-demand' },
    ],
    [
      'three times on demand without help',
      [c('on-demand', day(1)), c('on-demand', day(2)), c('on-demand', day(3))],
      {
        from: 'on-demand',
        times: 3,
        to: 'autonomous',
      },
    ],
    [
      'back to guided, twice without help, after a hard time on demand',
      [c('on-demand', day(1), helped), c('guided', day(2)), c('guided', day(3))],
      { from: 'guided', times: 2, to: 'on-demand' },
    ],
    [
      'given in any order',
      [c('guided', day(3)), c('guided', day(1), helped), c('guided', day(2))],
      { from: 'guided', times: 2, to: 'on-demand' },
    ],
  ];
  it.each(must)('suggests it: %s', (_, completions, expected) => {
    expect(suggestLevel(completions)).toEqual(expected);
  });

  const mustNot: [string, Completion[]][] = [
    ['nothing done yet', []],
    ['only once', [c('guided', day(1))]],
    ['help asked the last time', [c('guided', day(1)), c('guided', day(2)), c('guided', day(3), helped)]],
    ['a step marked done by hand the last time', [c('guided', day(1)), c('guided', day(2), byHand)]],
    [
      'help asked often at this level',
      [c('guided', day(1), helped), c('guided', day(2), byHand), c('guided', day(3)), c('guided', day(4))],
    ],
    ['already autonomous', [c('autonomous', day(1)), c('autonomous', day(2)), c('autonomous', day(3))]],
    ['only once at the latest level', [c('guided', day(1)), c('guided', day(2)), c('on-demand', day(3))]],
  ];
  it.each(mustNot)('does not suggest it: %s', (_, completions) => {
    expect(suggestLevel(completions)).toBeNull();
  });

  it('never suggests more help than now, nor a level above autonomous', () => {
    const levels = ['guided', 'on-demand', 'autonomous'] as const;
    for (const level of levels) {
      const suggestion = suggestLevel([c(level, day(1)), c(level, day(2)), c(level, day(3))]);
      if (suggestion) expect(levels.indexOf(suggestion.to)).toBe(levels.indexOf(level) + 1);
      else expect(level).toBe('autonomous');
    }
  });
});

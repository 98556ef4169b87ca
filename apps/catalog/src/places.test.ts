import { describe, expect, it } from 'vitest';
import { INTEREST_KEYWORDS, PLACE_CATEGORIES, categoriesOfInterests, interestCategories } from './places.ts';

describe('interest keywords', () => {
  it('name every category and only categories', () => {
    expect(Object.keys(INTEREST_KEYWORDS).sort()).toEqual([...PLACE_CATEGORIES].sort());
    for (const words of Object.values(INTEREST_KEYWORDS)) expect(words.length).toBeGreaterThan(0);
  });

  it('match at the start of a word, whatever the case, never inside one', () => {
    expect(interestCategories('Museums')).toContain('museum');
    expect(interestCategories('art galleries')).toEqual(['museum']);
    expect(interestCategories('heart')).toEqual([]);
    expect(interestCategories('hiking on volcanoes')).toEqual(['nature']);
    expect(interestCategories('K-pop theme parks')).toContain('theme-park');
    expect(interestCategories('café hopping')).toEqual(['cafe']);
    expect(interestCategories('')).toEqual([]);
  });

  it('collect the categories of several interests once, in catalog order', () => {
    expect(categoriesOfInterests(['temples', 'palaces', 'royal history'])).toEqual(['palace', 'museum', 'temple']);
    expect(categoriesOfInterests(['knitting'])).toEqual([]);
  });
});

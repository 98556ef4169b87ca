import { describe, expect, it } from 'vitest';
import { INTEREST_KEYWORDS, PLACE_CATEGORIES, categoriesOfInterests, interestCategories, interestKey, repeatedInterests, storedInterest } from './places.ts';

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

describe('interestKey and repeatedInterests', () => {
  it('read interests that differ only in case (Straße, STRASSE), Unicode form (NFC, NFD), spacing or invisible characters as one, and name the later one', () => {
    for (const [a, b] of [['Café', 'cafe\u0301'], ['Straße', 'STRASSE'], ['street food', ' Street\t\u00a0food '], ['temples', 'tem\u00adples\u200b'], ['Museums', 'MUSEUMS\ufeff']] as const) {
      expect(interestKey(a), `${a} ${b}`).toBe(interestKey(b));
      expect(repeatedInterests(['x', a, b], 'body/interests'), `${a} ${b}`).toEqual([{ path: 'body/interests/2', message: 'is the same interest as body/interests/1 (they differ only in case, spacing, Unicode form or invisible characters)' }]);
    }
    expect(repeatedInterests(['cafe', 'café', 'street food', 'streetfood'], 'body/interests')).toEqual([]);
    expect([storedInterest(' \u200bcafe\u0301 \u00ad'), storedInterest('street  food')]).toEqual(['café', 'street  food']);
  });
});

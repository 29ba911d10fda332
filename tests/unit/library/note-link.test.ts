// A library link names its note in the fragment (#hashiya-note=<id>); the content script reads it
// back to scroll to the note. Links from elsewhere (other fragments, hostile ones) read as no note.
import { describe, expect, it } from 'vitest';
import { noteHref, noteIdFromHref } from '@/lib/library/view';

const ID = '3f2b8c1e-5d4a-4b6f-9e7d-0a1b2c3d4e5f';

describe('note links', () => {
  it('reads the note id back from the link the library makes, whatever the address held', () => {
    for (const url of [
      'https://news.example/a',
      'https://news.example/a?utm_source=x&b=2',
      'https://news.example/a#comments',
      'https://news.example/مقال/عربي',
    ])
      expect(noteIdFromHref(noteHref(url, ID))).toBe(ID);
  });

  it('finds the note among other fragment parameters', () => {
    expect(noteIdFromHref(`https://news.example/a#top&hashiya-note=${ID}&x=1`)).toBe(ID);
  });

  it('reads no note from other fragments, a query parameter, or a malformed escape', () => {
    expect(noteIdFromHref('https://news.example/a')).toBeNull();
    expect(noteIdFromHref('https://news.example/a#hashiya-notes')).toBeNull();
    expect(noteIdFromHref(`https://news.example/a?hashiya-note=${ID}`)).toBeNull();
    expect(noteIdFromHref('https://news.example/a#hashiya-note=%E0%A4%A')).toBeNull();
  });
});

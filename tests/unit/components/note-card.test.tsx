// The note card's markup: the reader's words isolated with dir="auto", every control named in the
// interface's language, the colours a labelled radio group (arrow keys move between them).
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteCard, type NoteCardProps } from '@/components/NoteCard';
import { sampleNote } from '../notes/sample-note';
import { useUiLanguage } from '../ui/fake-i18n';

const NOTE = sampleNote({ colour: 'green', note: 'Check the full statement', tags: ['ألبانيا'] });

function mount(props: Partial<NoteCardProps>) {
  const root = document.createElement('div');
  document.body.append(root);
  const none = () => undefined;
  render(
    <NoteCard
      note={NOTE}
      state={{ kind: 'view' }}
      entities={[]}
      allTags={[]}
      onEdit={none}
      onDraft={none}
      onSave={none}
      onCancel={none}
      onDelete={none}
      onUndo={none}
      onClose={none}
      onEntity={none}
      {...props}
    />,
    root,
  );
  return root;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('note card markup', () => {
  it('speaks Arabic in an Arabic interface and isolates the reader’s words', () => {
    useUiLanguage('ar');
    const root = mount({ entities: [{ id: 'edi-rama', name: 'إيدي راما', type: 'شخص' }] });
    expect(root.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('ملاحظتك');
    expect(root.querySelector('[data-note-text]')?.getAttribute('dir')).toBe('auto');
    expect(root.querySelector('[data-action="edit"]')?.textContent).toBe('تعديل');
    expect(root.querySelector('[data-action="delete"]')?.textContent).toBe('حذف');
    expect(root.querySelector('[data-entity="edi-rama"]')?.getAttribute('title')).toBe('عن إيدي راما');
  });

  it('says a highlight without a note plainly', () => {
    useUiLanguage('en');
    const root = mount({ note: { ...NOTE, note: '', tags: [] } });
    expect(root.textContent).toContain('A highlight, with no note.');
    expect(root.querySelector('.note-tags')).toBeNull();
  });

  it('edits with labelled fields and a radio group of named colours', () => {
    useUiLanguage('en');
    const draft = { note: NOTE.note, tags: NOTE.tags, colour: NOTE.colour };
    const root = mount({ state: { kind: 'edit', draft, saving: true } });
    expect(root.querySelector('label[for="note-text"]')?.textContent).toBe('Note');
    expect(root.querySelector('textarea')?.getAttribute('dir')).toBe('auto');
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual([
      'Yellow',
      'Green',
      'Blue',
      'Pink',
      'Purple',
    ]);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(radios.find((r) => r.checked)?.value).toBe('green');
    expect(root.querySelector('[aria-label="Remove the tag ألبانيا"]')).not.toBeNull();
    // While saving, Save says so and cannot be pressed twice.
    const save = root.querySelector<HTMLButtonElement>('[data-action="save"]');
    expect(save?.disabled).toBe(true);
    expect(save?.textContent).toBe('Saving…');
  });
});

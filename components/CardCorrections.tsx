import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_TYPES, type Entity, type EntityType } from '@/lib/entities/types';
import { entityFinder } from '@/lib/ui/find';
import { t, typeLabel, uiNameLanguage } from '@/lib/ui/i18n';
import { TypeMark } from './TypeMark';

/** What the card knows to offer corrections of the shown mention. */
export interface CorrectionsProps {
  entity: Entity;
  /** The mention as the page has it. */
  form: string;
  /** The page's site, for "On this site". */
  site: string;
  /** True while a correction is being saved: the choices wait. */
  busy: boolean;
  /** Why the last correction was not saved, in words. */
  problem?: string;
  /** Every entity the page's matcher knows (shipped, packs, the reader's), for the search. */
  entities: () => readonly Entity[];
  /** An entity as the page has it now (the reader's type for it included). */
  lookUp: (id: string) => Entity | undefined;
  onChangeType: (type: EntityType) => void;
  onSuppress: (everywhere: boolean) => void;
  onAddSpelling: (target: Entity) => void;
  /** The choices changed size (entities found): the card finds its place again. */
  onResize: () => void;
}

/**
 * The card's "Correct…" choices: change the type for me, not this entity here (on this site or
 * everywhere), add this spelling to another entity (a search folded like the matcher). Keyboard:
 * Tab moves through them, Enter in the search takes the first entity found, ↓ moves to the list.
 */
export function CardCorrections(props: CorrectionsProps) {
  const { entity, form, site, busy, problem } = props;
  const [query, setQuery] = useState('');
  const first = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const lang = uiNameLanguage();
  // Opened: the focus goes to the first choice, so the keyboard can carry on from there (the card
  // is fixed on screen: nothing scrolls).
  useLayoutEffect(() => first.current?.focus({ preventScroll: true }), []);
  // Read and folded at the first search only (a card opened and closed costs nothing).
  const [finder] = useState(() => entityFinder(props.entities));
  const found =
    query.trim() === '' ? [] : finder(query, 6, entity.id).flatMap((e) => props.lookUp(e.id) ?? []);
  const { onResize } = props;
  useLayoutEffect(() => onResize(), [found.length, onResize]);
  return (
    <div class="corrections" data-corrections aria-busy={busy}>
      <fieldset>
        <legend class="corrections-label">{t('cardChangeType')}</legend>
        {ENTITY_TYPES.map((type, i) => (
          <button
            key={type}
            type="button"
            class="chip"
            ref={i === 0 ? first : undefined}
            data-correct-type={type}
            aria-pressed={type === entity.type}
            disabled={busy}
            onClick={() => type !== entity.type && props.onChangeType(type)}
          >
            <TypeMark type={type} />
            {typeLabel(type, 'singular')}
          </button>
        ))}
      </fieldset>
      <fieldset>
        <legend class="corrections-label">
          {t('cardNotThis', entity.names[lang] || entity.names.ar || entity.names.en)}
        </legend>
        <button
          type="button"
          class="chip"
          data-suppress="site"
          disabled={busy}
          onClick={() => props.onSuppress(false)}
        >
          <bdi>{t('cardOnSite', site)}</bdi>
        </button>
        <button
          type="button"
          class="chip"
          data-suppress="everywhere"
          disabled={busy}
          onClick={() => props.onSuppress(true)}
        >
          {t('cardEverywhere')}
        </button>
      </fieldset>
      <label class="corrections-label" for="correct-spelling">
        {t('cardAddSpelling', form)}
      </label>
      <input
        id="correct-spelling"
        ref={search}
        class="spelling-search"
        type="search"
        dir="auto"
        autocomplete="off"
        placeholder={t('cardFindEntity')}
        value={query}
        disabled={busy}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && found[0]) {
            event.preventDefault();
            props.onAddSpelling(found[0]);
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            list.current?.querySelector('button')?.focus();
          }
        }}
      />
      {query.trim() !== '' &&
        (found.length === 0 ? (
          <p class="muted-line" role="status">
            {t('cardNoEntity')}
          </p>
        ) : (
          <ul
            class="found"
            ref={list}
            onKeyDown={(event) => {
              // ↑ and ↓ move along the entities found (↑ from the first goes back to the search).
              if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
              event.preventDefault();
              const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
              const at = buttons.indexOf(event.target as HTMLButtonElement);
              const next = buttons[at + (event.key === 'ArrowDown' ? 1 : -1)];
              if (next) next.focus();
              else if (event.key === 'ArrowUp') search.current?.focus();
            }}
          >
            {found.map((target) => (
              <li key={target.id}>
                <button
                  type="button"
                  class="found-entity"
                  data-spelling-target={target.id}
                  disabled={busy}
                  onClick={() => props.onAddSpelling(target)}
                >
                  <TypeMark type={target.type} />
                  <bdi class="found-name" dir="auto">
                    {target.names[lang] || target.names.ar || target.names.en}
                  </bdi>
                  <bdi class="found-other" dir="auto">
                    {target.names[lang === 'ar' ? 'en' : 'ar']}
                  </bdi>
                </button>
              </li>
            ))}
          </ul>
        ))}
      {problem && (
        <p class="problem" role="alert">
          {t('cardNotSaved', problem)}
        </p>
      )}
    </div>
  );
}

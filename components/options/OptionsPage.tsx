import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/lib/ui/i18n';

/** One section of the options page: its own heading, nav entry and content. */
export interface OptionsSection {
  /** Also the URL fragment: options.html#hidden opens that section. */
  id: string;
  label: string;
  render: () => ComponentChildren;
}

function sectionFromHash(sections: readonly OptionsSection[]): string {
  const wanted = location.hash.slice(1);
  return sections.some((section) => section.id === wanted) ? wanted : (sections[0]?.id ?? '');
}

/**
 * The options page: a list of sections with a nav beside them. New capabilities (dictionary packs,
 * notes) add a section to the list in entrypoints/options/main.tsx.
 */
export function OptionsPage({ sections }: { sections: readonly OptionsSection[] }) {
  const [current, setCurrent] = useState(() => sectionFromHash(sections));
  useEffect(() => {
    const onHash = () => setCurrent(sectionFromHash(sections));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [sections]);
  const section = sections.find((s) => s.id === current);
  return (
    <div class="options">
      <header class="options-head">
        <span class="brand">
          <img src="/icon/48.png" width={28} height={28} alt="" />
          <h1>{t('optionsTitle')}</h1>
        </span>
        <p class="muted">{t('optionsIntro')}</p>
        <p>
          <a href="/library.html" class="link" data-action="open-library">
            {t('openLibrary')}
          </a>
        </p>
      </header>
      <div class="options-body">
        <nav aria-label={t('optionsNav')} class="options-nav">
          <ul class="plain-list">
            {sections.map((s) => (
              <li key={s.id}>
                <a
                  href={`#${s.id}`}
                  data-section-link={s.id}
                  aria-current={s.id === current ? 'page' : undefined}
                >
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {section && (
          <main class="options-section" data-section={section.id} aria-labelledby="section-heading">
            <h2 id="section-heading">{section.label}</h2>
            {section.render()}
          </main>
        )}
      </div>
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/ui/i18n';

interface Command {
  name?: string;
  description?: string;
  shortcut?: string;
}

/** Firefox 137+ opens its shortcut editor; Chrome's is a page of its own. */
function openShortcutSettings(): void {
  const commands = browser.commands as typeof browser.commands & {
    openShortcutSettings?: () => Promise<void>;
  };
  if (commands.openShortcutSettings) void commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** The keyboard commands and their keys, as the browser has them now. */
export function ShortcutsSection() {
  const [commands, setCommands] = useState<Command[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then(setCommands);
  }, []);
  return (
    <>
      <p class="muted">{t('shortcutsIntro')}</p>
      <ul class="plain-list rows">
        {commands
          .filter((command) => command.description)
          .map((command) => (
            <li key={command.name} class="row" data-command={command.name}>
              <span>{command.description}</span>
              {command.shortcut ? (
                <kbd dir="ltr">{command.shortcut}</kbd>
              ) : (
                <span class="muted">{t('shortcutNotSet')}</span>
              )}
            </li>
          ))}
      </ul>
      <button type="button" class="primary" data-action="change-shortcuts" onClick={openShortcutSettings}>
        {t('shortcutsChange')}
      </button>
    </>
  );
}

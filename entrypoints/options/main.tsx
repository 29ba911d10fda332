import { render } from 'preact';
import { DictionaryTable } from '@/components/DictionaryTable';
import { shippedDictionary } from '@/lib/entities/dictionary';
import { applyUiLanguage, t } from '@/lib/ui/i18n';
import '@/components/ui.css';
import './options.css';

applyUiLanguage();
const app = document.getElementById('app');
if (app)
  render(
    <main class="page">
      <header class="header">
        <h1>{t('optionsTitle')}</h1>
      </header>
      <p class="message">{t('optionsIntro')}</p>
      <DictionaryTable entities={shippedDictionary().entities} />
    </main>,
    app,
  );

// Chrome's offscreen document: reads the articles of very large pages for the background
// (lib/page/extract-elsewhere.ts). It lives as long as the background keeps it open.
import { serve } from '@/lib/messaging/messenger';
import { offscreenProtocol } from '@/lib/messaging/protocol';
import { readArticleHtml } from '@/lib/page/extract-elsewhere';

serve(
  offscreenProtocol,
  { 'read-article-html': ({ html }) => readArticleHtml(html) },
  new AbortController().signal,
);

import { useEffect, useRef, useState } from 'preact/hooks';
import { ENTITY_TYPES } from '@/lib/entities/types';
import { type PackPreview, pickedFileSizeProblem, previewPackFile } from '@/lib/packs/preview';
import {
  type InstalledPack,
  installPack,
  listPacks,
  removePack,
  restorePack,
  setPackEnabled,
  watchPacks,
} from '@/lib/packs/store';
import { countText, t, typeLabel, uiLocale } from '@/lib/ui/i18n';
import { TypeMark } from '../TypeMark';

const ACCEPT = '.json,.csv,.tsv,.conll,.bio,.iob,.txt,application/json,text/csv,text/tab-separated-values';

type Removed = NonNullable<Awaited<ReturnType<typeof removePack>>>;

/** "820 kB", "3.4 MB" in the interface's language. */
function sizeText(bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(uiLocale(), {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(mb ? bytes / (1024 * 1024) : Math.max(0.1, bytes / 1024));
}

/**
 * Dictionary packs: import one (a built .json pack, or a CSV/TSV list or CoNLL/BIO corpus built
 * here), see what it holds and what is wrong before anything is written, install it all or not at
 * all; then each installed pack with its size and entity count, a switch, and Remove (with Undo).
 */
export function PacksSection() {
  const [packs, setPacks] = useState<InstalledPack[]>([]);
  const [preview, setPreview] = useState<PackPreview | null>(null);
  const [status, setStatus] = useState<{ text: string; removed?: Removed } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void listPacks().then(setPacks);
    return watchPacks(setPacks);
  }, []);

  const pick = async (file: File) => {
    setStatus(null);
    // The size is checked before the file is read.
    const tooBig = pickedFileSizeProblem(file.name, file.size);
    if (tooBig) {
      setPreview({ fileName: file.name, dropped: 0, problems: [tooBig] });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    setPreview(previewPackFile(file.name, bytes, await listPacks(), new Date().toISOString().slice(0, 10)));
  };
  const install = async () => {
    if (!preview?.pack || preview.problems.length > 0) return;
    try {
      const entry = await installPack(preview.pack);
      setPreview(null);
      setStatus({ text: t('packInstalled', [entry.name, countText('names', entry.entities)]) });
    } catch (error) {
      setPreview({ ...preview, problems: [error instanceof Error ? error.message : String(error)] });
    }
  };
  const remove = async (pack: InstalledPack) => {
    const removed = await removePack(pack.id);
    if (removed) setStatus({ text: t('packRemoved', pack.name), removed });
  };
  const undo = async (removed: Removed) => {
    await restorePack(removed);
    setStatus(null);
  };

  return (
    <>
      <p class="muted">{t('packsIntro')}</p>
      <p>
        <button
          type="button"
          class="primary"
          data-action="import-pack"
          onClick={() => fileInput.current?.click()}
        >
          {t('packImport')}
        </button>
        <input
          ref={fileInput}
          type="file"
          class="visually-hidden"
          data-pack-file
          tabIndex={-1}
          aria-hidden="true"
          accept={ACCEPT}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void pick(file);
          }}
        />
      </p>
      {preview && (
        <PackPreviewPanel preview={preview} onInstall={install} onCancel={() => setPreview(null)} />
      )}
      {status && (
        <p class="pack-status" role="status" data-pack-status>
          {status.text}{' '}
          {status.removed && (
            <button
              type="button"
              class="link"
              data-action="undo-remove"
              onClick={() => status.removed && void undo(status.removed)}
            >
              {t('undo')}
            </button>
          )}
        </p>
      )}
      <h3 class="packs-heading">{t('packsInstalled')}</h3>
      {packs.length === 0 ? (
        <p data-empty>{t('packsNone')}</p>
      ) : (
        <ul class="plain-list rows packs" data-packs>
          {packs.map((pack) => (
            <li key={pack.id} class="row pack" data-pack={pack.id} data-enabled={String(pack.enabled)}>
              <label class="switch">
                <input
                  type="checkbox"
                  data-pack-switch={pack.id}
                  checked={pack.enabled}
                  onChange={(e) => void setPackEnabled(pack.id, e.currentTarget.checked)}
                />
                <span class="visually-hidden">{t('packUse', pack.name)}</span>
              </label>
              <div class="pack-about">
                <bdi class="pack-name">{pack.name}</bdi>
                <span class="muted pack-meta" dir="auto">
                  <span data-pack-count={pack.entities}>{countText('names', pack.entities)}</span>
                  {' · '}
                  <span data-pack-bytes={pack.bytes}>{sizeText(pack.bytes)}</span>
                  {' · '}
                  <bdi>{t('packLicence', pack.licence || t('packLicenceNone'))}</bdi>
                  {pack.credit && (
                    <>
                      {' · '}
                      <bdi>{pack.credit}</bdi>
                    </>
                  )}
                </span>
              </div>
              <button type="button" class="link" data-action="remove-pack" onClick={() => void remove(pack)}>
                {t('packRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function PackPreviewPanel({
  preview,
  onInstall,
  onCancel,
}: {
  preview: PackPreview;
  onInstall: () => void;
  onCancel: () => void;
}) {
  const { pack, counts, problems } = preview;
  return (
    <section class="pack-preview" aria-labelledby="pack-preview-heading" data-pack-preview>
      <h3 id="pack-preview-heading">
        {pack ? t('packPreviewTitle', pack.name) : t('packPreviewBroken', preview.fileName)}
      </h3>
      {pack && (
        <p class="muted">
          <bdi>{t('packFrom', preview.fileName)}</bdi> ·{' '}
          <bdi>{t('packLicence', pack.licence || t('packLicenceNone'))}</bdi>
        </p>
      )}
      {counts && (
        <ul class="plain-list pack-counts" data-pack-counts>
          {ENTITY_TYPES.filter((type) => counts[type] > 0).map((type) => (
            <li key={type} data-type={type} data-count={counts[type]}>
              <TypeMark type={type} /> {typeLabel(type)}: {counts[type].toLocaleString(uiLocale())}
            </li>
          ))}
        </ul>
      )}
      {preview.plan?.replaces && <p>{t('packReplaces', preview.plan.replaces.name)}</p>}
      {preview.dropped > 0 && <p class="muted">{t('packDropped', countText('names', preview.dropped))}</p>}
      {problems.length > 0 && (
        <div class="pack-problems" role="alert">
          <p>{t('packProblems')}</p>
          <ul data-pack-problems>
            {problems.map((problem) => (
              <li key={problem} dir="auto">
                {problem}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p class="pack-actions">
        <button
          type="button"
          class="primary"
          data-action="install-pack"
          disabled={!pack || problems.length > 0}
          onClick={onInstall}
        >
          {t('packInstall')}
        </button>
        <button type="button" class="link" data-action="cancel-pack" onClick={onCancel}>
          {t('importCancel')}
        </button>
      </p>
    </section>
  );
}

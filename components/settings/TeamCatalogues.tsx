import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { assertNever } from '../../utils/assert-never';
import type { ResponseMap } from '../../utils/messages';
import { send } from '../../utils/send';
import { onStorageChange } from '../../utils/storage/item';
import { teamCatalogueChecksItem } from '../../utils/storage/items';
import { catalogueBase, hostPatternOf } from '../../utils/team-catalogue/address';
import type { TeamProblem } from '../../utils/team-catalogue/checks';
import type { CatalogueChanges, CataloguePreview, TeamCatalogueEntry } from '../../utils/team-catalogue/service';
import { ConfirmButton } from '../shared/ConfirmButton';
import { dayInWords } from '../shared/provenance';

type Message = { text: string; detail?: string; failed: boolean };

/**
 * A problem of a catalogue in words, naming the catalogue. A guide's own
 * validation messages (French, like every guide text) come as the detail.
 */
export function problemText(problem: TeamProblem, catalogue: string): Message {
  const failed = true;
  switch (problem.kind) {
    case 'missing':
      return { text: i18n.t('teams.problem.missing', [catalogue, problem.file]), failed };
    case 'unreachable':
      return { text: i18n.t('teams.problem.unreachable', [catalogue, problem.file]), failed };
    case 'timeout':
      return { text: i18n.t('teams.problem.timeout', [catalogue, problem.file]), failed };
    case 'html':
      return { text: i18n.t('teams.problem.html', [catalogue, problem.file]), failed };
    case 'oversize':
      return { text: i18n.t('teams.problem.oversize', [catalogue, problem.file]), failed };
    case 'status':
      return { text: i18n.t('teams.problem.status', [catalogue, problem.file]), failed };
    case 'key':
      return { text: i18n.t('teams.problem.key', [catalogue]), failed };
    case 'signature':
      return { text: i18n.t('teams.problem.signature', [catalogue]), failed };
    case 'already':
      return { text: i18n.t('teams.problem.already', [catalogue]), failed };
    case 'unknown':
      return { text: i18n.t('teams.problem.unknown', [catalogue]), failed };
    case 'changed':
      return { text: i18n.t('teams.problem.changed', [catalogue]), failed };
    case 'index':
      return { text: i18n.t('teams.problem.index', [catalogue]), detail: problem.detail, failed };
    case 'rollback':
      return { text: i18n.t('teams.problem.rollback', [catalogue, String(problem.version), String(problem.installed)]), failed };
    case 'hash':
      return { text: i18n.t('teams.problem.hash', [catalogue, problem.file]), failed };
    case 'guide':
      return { text: i18n.t('teams.problem.guide', [catalogue, problem.file]), detail: problem.detail, failed };
    case 'guide-id':
      return { text: i18n.t('teams.problem.guideId', [catalogue, problem.file, problem.id]), failed };
    case 'site':
      return { text: i18n.t('teams.problem.site', [catalogue, problem.file, problem.site]), failed };
    case 'taken':
      return { text: i18n.t('teams.problem.taken', [catalogue, problem.id]), failed };
    case 'address':
      return { text: i18n.t('teams.problem.address', [catalogue]), failed };
    case 'run-on-screen':
      return { text: i18n.t('teams.problem.runOnScreen', [catalogue]), failed };
    default:
      return assertNever(problem);
  }
}

/** Asks for host permissions; must be called first thing in a click (browsers ask only during the person's own gesture). */
function requestOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins }).catch(() => false);
}

function Feedback({ message }: { message: Message | null }) {
  return (
    <>
      <p class="status" aria-live="polite" aria-atomic="true">
        {message && !message.failed ? message.text : ''}
      </p>
      {message?.failed && (
        <div role="alert" class="team-problem">
          <p>{message.text}</p>
          {message.detail && (
            <p lang="fr" class="detail">
              {message.detail}
            </p>
          )}
        </div>
      )}
    </>
  );
}

function TitleList({ label, titles }: { label: string; titles: string[] }) {
  if (titles.length === 0) return null;
  return (
    <>
      <p>{label}</p>
      <ul>
        {titles.map((title) => (
          <li key={title} lang="fr">
            {title}
          </li>
        ))}
      </ul>
    </>
  );
}

const changesText = (changes: CatalogueChanges) => [...changes.added, ...changes.changed].join(', ');

/**
 * « Catalogues d'équipe »: add a catalogue (its address and public key), see
 * what it brings before adding it, update or remove the ones added. The
 * background downloads and checks; this page asks the browser for the host
 * permission during the advisor's click, for that host only.
 */
export function TeamCatalogues() {
  const [list, setList] = useState<TeamCatalogueEntry[] | 'failed' | null>(null);
  const [address, setAddress] = useState('');
  const [key, setKey] = useState('');
  const [preview, setPreview] = useState<CataloguePreview | null>(null);
  const [daily, setDaily] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  async function refresh() {
    try {
      setList((await send({ type: 'teamCatalogues:list' })).catalogues);
    } catch {
      setList('failed');
    }
  }
  useEffect(() => {
    // Opened from the popup's « Catalogues d'équipe »: the section was not there yet when the page loaded.
    if (location.hash === '#catalogues') document.getElementById('catalogues-title')?.focus();
    void refresh();
    // An update at browser start, or another page: the list follows.
    return onStorageChange('local', (changes) => {
      if ('teamCatalogues' in changes || teamCatalogueChecksItem.key in changes) void refresh();
    });
  }, []);

  async function guarded<T>(task: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    try {
      return await task();
    } catch {
      setMessage({ text: i18n.t('teams.failed'), failed: true });
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  function check(event: Event) {
    event.preventDefault();
    const base = catalogueBase(address);
    if (!base) {
      setMessage(problemText({ kind: 'address' }, address.trim()));
      return;
    }
    const asked = requestOrigins([hostPatternOf(base)]);
    setPreview(null);
    setMessage({ text: i18n.t('teams.checking'), failed: false });
    void guarded(async () => {
      if (!(await asked)) {
        setMessage({ text: i18n.t('teams.hostRefused', [base.host]), failed: true });
        return;
      }
      const answer = await send({ type: 'teamCatalogues:check', address, publicKey: key });
      if (answer.ok) {
        setPreview(answer.preview);
        setMessage(null);
      } else {
        setMessage(problemText(answer.problem, base.href));
      }
    });
  }

  function add() {
    if (!preview) return;
    const shown = preview;
    const asked = requestOrigins(shown.sites);
    void guarded(async () => {
      if (!(await asked)) {
        setMessage({ text: i18n.t('teams.sitesRefused'), failed: true });
        return;
      }
      const answer: ResponseMap['teamCatalogues:add'] = await send({
        type: 'teamCatalogues:add',
        address: shown.url,
        publicKey: key,
        indexHash: shown.indexHash,
        daily,
      });
      if (answer.ok) {
        setPreview(null);
        setAddress('');
        setKey('');
        setMessage({ text: i18n.t('teams.added', [shown.name]), failed: false });
        await refresh();
      } else {
        setMessage(problemText(answer.problem, shown.name));
      }
    });
  }

  async function readKeyFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (file) setKey((await file.text()).slice(0, 2000).trim());
  }

  return (
    <section class="team-catalogues" id="catalogues" aria-labelledby="catalogues-title">
      <h2 id="catalogues-title" tabIndex={-1}>
        {i18n.t('teams.title')}
      </h2>
      <p class="hint">{i18n.t('teams.intro')}</p>

      <h3>{i18n.t('teams.installedTitle')}</h3>
      {list === null ? (
        <p>{i18n.t('settings.loading')}</p>
      ) : list === 'failed' ? (
        <p class="note">{i18n.t('teams.failed')}</p>
      ) : list.length === 0 ? (
        <p class="empty">{i18n.t('teams.none')}</p>
      ) : (
        <ul class="catalogues">
          {list.map((catalogue) => (
            <Installed key={catalogue.url} catalogue={catalogue} busy={busy} guarded={guarded} onMessage={setMessage} />
          ))}
        </ul>
      )}

      <form class="add-catalogue" onSubmit={check}>
        <h3>{i18n.t('teams.addTitle')}</h3>
        <div class="field">
          <label for="catalogue-address">{i18n.t('teams.address')}</label>
          <p class="hint" id="catalogue-address-hint">
            {i18n.t('teams.addressHint')}
          </p>
          <input
            id="catalogue-address"
            type="url"
            required
            autocomplete="url"
            spellcheck={false}
            aria-describedby="catalogue-address-hint"
            value={address}
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="catalogue-key">{i18n.t('teams.key')}</label>
          <p class="hint" id="catalogue-key-hint">
            {i18n.t('teams.keyHint')}
          </p>
          <textarea
            id="catalogue-key"
            required
            rows={2}
            spellcheck={false}
            aria-describedby="catalogue-key-hint"
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
          />
          <label for="catalogue-key-file" class="file-label">
            {i18n.t('teams.keyFile')}
          </label>
          <input id="catalogue-key-file" type="file" accept=".txt,text/plain" onChange={(e) => void readKeyFile(e.currentTarget)} />
        </div>
        <button type="submit" disabled={busy}>
          {i18n.t('teams.check')}
        </button>
      </form>

      {preview && (
        <section class="catalogue-preview" aria-labelledby="catalogue-preview-title">
          <h3 id="catalogue-preview-title" tabIndex={-1} ref={(el) => el?.focus()}>
            {i18n.t('teams.previewTitle', [preview.name])}
          </h3>
          <p>{i18n.t('teams.previewMeta', [preview.publisher, String(preview.version), dayInWords(preview.publishedAt)])}</p>
          <p>{i18n.t('teams.previewOk')}</p>
          <TitleList label={i18n.t('teams.previewAdded')} titles={preview.added} />
          <TitleList label={i18n.t('teams.previewChanged')} titles={preview.changed} />
          <TitleList label={i18n.t('teams.previewRemoved')} titles={preview.removed} />
          <p>{i18n.t('teams.previewSites', [preview.sites.join(', ')])}</p>
          <div class="radio">
            <input type="checkbox" id="catalogue-daily" checked={daily} onChange={(e) => setDaily(e.currentTarget.checked)} />
            <label for="catalogue-daily">{i18n.t('teams.daily')}</label>
          </div>
          <div class="actions">
            <button type="button" class="add" disabled={busy} onClick={add}>
              {i18n.t('teams.add')}
            </button>
            <button type="button" class="secondary" onClick={() => setPreview(null)}>
              {i18n.t('teams.cancel')}
            </button>
          </div>
        </section>
      )}

      <Feedback message={message} />
    </section>
  );
}

interface InstalledProps {
  catalogue: TeamCatalogueEntry;
  busy: boolean;
  guarded<T>(task: () => Promise<T>): Promise<T | undefined>;
  onMessage(message: Message | null): void;
}

function Installed({ catalogue, busy, guarded, onMessage }: InstalledProps) {
  const check = catalogue.check;
  const slug = catalogue.url.replace(/[^a-z0-9]+/gi, '-');
  const last =
    check?.outcome === 'refused' && check.problem
      ? i18n.t('teams.lastRefused', [problemText(check.problem, catalogue.name).text])
      : check
        ? i18n.t('teams.lastOk', [new Date(check.at).toLocaleString(i18n.t('lang'))])
        : null;

  function update() {
    onMessage({ text: i18n.t('teams.updating'), failed: false });
    void guarded(async () => {
      const answer = await send({ type: 'teamCatalogues:update', url: catalogue.url });
      if (!answer.ok) {
        const problem = problemText(answer.problem, catalogue.name);
        onMessage({ ...problem, detail: [problem.detail, i18n.t('teams.kept')].filter(Boolean).join('\n') });
      } else if (answer.outcome === 'up-to-date') {
        onMessage({ text: i18n.t('teams.upToDate', [catalogue.name]), failed: false });
      } else {
        const list = await send({ type: 'teamCatalogues:list' });
        const now = list.catalogues.find((entry) => entry.url === catalogue.url);
        const text = i18n.t('teams.updated', [catalogue.name, dayInWords(now?.publishedAt ?? catalogue.publishedAt)]);
        onMessage({ text: changesText(answer.changes) ? `${text} ${changesText(answer.changes)}` : text, failed: false });
      }
    });
  }

  return (
    <li class="catalogue" data-catalogue={catalogue.url}>
      <h4 lang="fr">{catalogue.name}</h4>
      <p class="meta">{i18n.t('teams.meta', [catalogue.publisher, String(catalogue.version), dayInWords(catalogue.publishedAt)])}</p>
      <p class="meta url">{catalogue.url}</p>
      <p>{i18n.t('teams.guides', [catalogue.guides.map((guide) => guide.title).join(', ')])}</p>
      {last && <p class={check?.outcome === 'refused' ? 'note refused' : 'note'}>{last}</p>}
      <div class="radio">
        <input
          type="checkbox"
          id={`daily-${slug}`}
          checked={catalogue.daily}
          onChange={(e) => {
            const chosen = e.currentTarget.checked;
            void guarded(() => send({ type: 'teamCatalogues:setDaily', url: catalogue.url, daily: chosen }));
          }}
        />
        <label for={`daily-${slug}`}>{i18n.t('teams.daily')}</label>
      </div>
      <div class="actions">
        <button type="button" class="update" disabled={busy} aria-label={i18n.t('teams.updateLabel', [catalogue.name])} onClick={update}>
          {i18n.t('teams.update')}
        </button>
        <ConfirmButton
          class="remove"
          label={i18n.t('teams.remove')}
          ariaLabel={i18n.t('teams.removeLabel', [catalogue.name])}
          question={i18n.t('teams.removeQuestion')}
          yes={i18n.t('teams.removeYes')}
          no={i18n.t('teams.removeNo')}
          onConfirm={() =>
            void guarded(async () => {
              await send({ type: 'teamCatalogues:remove', url: catalogue.url });
              onMessage({ text: i18n.t('teams.removed', [catalogue.name]), failed: false });
            })
          }
        />
      </div>
    </li>
  );
}

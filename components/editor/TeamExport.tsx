/**
 * « Exporter pour un catalogue d'équipe », under « Mes guides »: the trainer
 * ticks guides (all are ticked at first), may type the team's name and who
 * publishes, and gets a .zip of the folder that `npm run catalogue -- build`
 * takes (utils/team-catalogue/export.ts). A guide that would be refused is
 * named with its problems; the others are still exported.
 */
import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { isoDay } from '../../utils/editor/export';
import type { UserGuideListEntry } from '../../utils/messages';
import { send } from '../../utils/send';
import { exportTeamCatalogue, type TeamExportRefusal } from '../../utils/team-catalogue/export';
import { downloadBlob } from '../shared/download';

type Said = { text: string; alert: boolean; refused: TeamExportRefusal[] };

export interface TeamExportProps {
  mine: readonly UserGuideListEntry[];
  /** Ids of the bundled guides, which a team's guide may run. */
  bundledIds: ReadonlySet<string>;
  busy: boolean;
  langOf(id: string): string | undefined;
}

export function TeamExport(props: TeamExportProps) {
  // What the trainer unticked: a guide saved meanwhile comes ticked, like the others.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [name, setName] = useState('');
  const [publisher, setPublisher] = useState('');
  const [working, setWorking] = useState(false);
  const [said, setSaid] = useState<Said | null>(null);

  const toggle = (id: string, checked: boolean) =>
    setUnticked((before) => {
      const next = new Set(before);
      if (checked) next.delete(id);
      else next.add(id);
      return next;
    });

  async function exportChosen(event: Event) {
    event.preventDefault();
    const ids = props.mine.filter((entry) => !unticked.has(entry.id)).map((entry) => entry.id);
    if (ids.length === 0) {
      setSaid({ text: i18n.t('editor.teamExport.noneChosen'), alert: true, refused: [] });
      return;
    }
    setWorking(true);
    try {
      const guides = (await Promise.all(ids.map((guideId) => send({ type: 'guide:get', guideId })))).filter((guide) => guide !== null);
      const result = exportTeamCatalogue(guides, { name, publisher, today: isoDay(new Date()), bundled: [...props.bundledIds] });
      if (!result.ok) {
        setSaid(
          result.reason === 'draft'
            ? { text: i18n.t('editor.teamExport.tooLong'), alert: true, refused: [] }
            : { text: i18n.t('editor.teamExport.noneValid'), alert: true, refused: result.refused },
        );
        return;
      }
      downloadBlob(new Blob([result.zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), result.fileName);
      const count = result.exported.length;
      setSaid({ text: i18n.t('editor.teamExport.done', count, [String(count), result.fileName]), alert: false, refused: result.refused });
    } catch {
      setSaid({ text: i18n.t('editor.error'), alert: true, refused: [] });
    } finally {
      setWorking(false);
    }
  }

  return (
    <section class="team-export" aria-labelledby="team-export-title">
      <h3 id="team-export-title">{i18n.t('editor.teamExport.title')}</h3>
      <p class="hint">{i18n.t('editor.teamExport.hint')}</p>
      <form onSubmit={exportChosen}>
        <fieldset>
          <legend>{i18n.t('editor.teamExport.choose')}</legend>
          <ul class="team-export-guides">
            {props.mine.map((entry) => (
              <li key={entry.id} class="field checkbox">
                <input
                  type="checkbox"
                  id={`team-export-${entry.id}`}
                  value={entry.id}
                  checked={!unticked.has(entry.id)}
                  onChange={(event) => toggle(entry.id, (event.currentTarget as HTMLInputElement).checked)}
                />
                <label for={`team-export-${entry.id}`} lang={props.langOf(entry.id)}>
                  {entry.title}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div class="field-row">
          <div class="field">
            <label for="team-export-name">{i18n.t('editor.teamExport.name')}</label>
            <input type="text" id="team-export-name" maxLength={80} value={name} onInput={(event) => setName(event.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="team-export-publisher">{i18n.t('editor.teamExport.publisher')}</label>
            <input
              type="text"
              id="team-export-publisher"
              maxLength={120}
              value={publisher}
              onInput={(event) => setPublisher(event.currentTarget.value)}
            />
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="secondary team-export-button" disabled={props.busy || working}>
            {i18n.t('editor.teamExport.button')}
          </button>
        </div>
      </form>
      {/* Both regions are there before anything is said, so that screen readers hear it. */}
      <p class="status team-export-status" role="status">
        {said && !said.alert ? said.text : ''}
      </p>
      <p class="team-export-problem" role="alert">
        {said?.alert ? said.text : ''}
      </p>
      {said && said.refused.length > 0 && (
        <div class="team-export-refused">
          <h4>{i18n.t('editor.teamExport.refusedTitle')}</h4>
          <ul>
            {said.refused.map((refusal) => (
              <li key={refusal.id} data-guide-id={refusal.id}>
                {i18n.t('editor.teamExport.refusedGuide', [refusal.title, refusal.problems])}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

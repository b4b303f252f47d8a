import { defineContentScript } from 'wxt/utils/define-content-script';
import { startOverlayScript } from '../../components/playback/overlay-script';
import { startTrainerTools } from '../../components/playback/trainer';
// The overlay's own styles: this script shows the same overlay.
import overlayCss from '../playback.content/overlay.css?inline';

/**
 * The overlay with a trainer's tools (« Tester » from the editor, « Vérifier
 * ce guide sur le site », « Montrer le bon élément »): never in the manifest,
 * put in a tab by the authoring service only when a trainer asks one of them
 * and no copy in the tab answers. It replaces the person's overlay copy in the
 * tab (same context) and plays the tab's run as that one does; a run started
 * later brings the person's overlay back in its place.
 */
export default defineContentScript({
  registration: 'runtime',
  // WXT's context is replaced by a silent one (wxt.config.ts): ours tells the page nothing.
  main: () => startOverlayScript(overlayCss, startTrainerTools),
});

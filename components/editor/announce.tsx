/**
 * What the editing form says of what just happened (« Étape 2 déplacée… »,
 * « Guide exporté… »): information in a polite live region, a refusal as an
 * alert. The same text said twice is announced twice.
 */
import { useState } from 'preact/hooks';

export type Announcement = { text: string; alert: boolean; seq: number } | null;

export type Say = (text: string, alert?: boolean) => void;

export function useAnnouncer(): { announcement: Announcement; say: Say } {
  const [announcement, setAnnouncement] = useState<Announcement>(null);
  const say: Say = (text, alert = false) => setAnnouncement((m) => ({ text, alert, seq: (m?.seq ?? 0) + 1 }));
  return { announcement, say };
}

export function Announcements({ announcement }: { announcement: Announcement }) {
  return (
    <>
      <p class="status notice" aria-live="polite" aria-atomic="true">
        {announcement && !announcement.alert ? announcement.text : ''}
      </p>
      {announcement?.alert && (
        <p role="alert" key={announcement.seq}>
          {announcement.text}
        </p>
      )}
    </>
  );
}

import { type PracticeServer, startPracticeServer } from '../../../scripts/practice-server';

/**
 * The same practice site served twice on random ports: once on 127.0.0.1, one
 * of the practice guide's sites, and once on 127.0.0.2, another loopback
 * address that no guide names — "a site with no guide".
 */
export interface PracticeSites {
  /** Base URL on a site of the practice guide, e.g. `http://127.0.0.1:41234`. */
  guided: string;
  /** Base URL on a site that no guide names, e.g. `http://127.0.0.2:41235`. */
  unguided: string;
  close(): Promise<void>;
}

export async function startPracticeSites(): Promise<PracticeSites> {
  const servers: PracticeServer[] = [];
  try {
    servers.push(await startPracticeServer({ host: '127.0.0.1', port: 0 }));
    servers.push(await startPracticeServer({ host: '127.0.0.2', port: 0 }));
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  const [guided, unguided] = servers as [PracticeServer, PracticeServer];
  return {
    guided: guided.url,
    unguided: unguided.url,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

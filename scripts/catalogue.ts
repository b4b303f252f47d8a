/**
 * The trainers' command for team catalogues (no server: static files on any host).
 *
 *   npm run catalogue -- keygen [--secret <fichier>]
 *   npm run catalogue -- build <dossier des guides> <dossier publié> --key <fichier secret> [--name … --publisher … --sites … --version N]
 *   npm run catalogue -- verify <dossier publié> [--key <clé publique ou fichier>]
 *
 * `build` validates every guide with the extension's own validation, then
 * writes the guide files, the index (hashes, sizes) and its Ed25519 signature.
 * Its guides folder may be the one « Mes guides » exports (unzipped): the
 * unsigned `catalogue.json` there gives the name and publisher the trainer typed.
 * `verify` checks a published folder exactly as the extension checks a download.
 * Every message is in French, for the trainer.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { CatalogueError, loadCatalogue, NOT_GUIDES, readGuides } from '../utils/catalogue/build';
import {
  type CatalogueDraft,
  type CatalogueIndex,
  catalogueDraftSchema,
  catalogueIndexSchema,
  DRAFT_FILE,
  INDEX_FILE,
} from '../utils/team-catalogue/format';
import { generateKeyPair, normalizePublicKey } from '../utils/team-catalogue/keys';
import { publishCatalogue } from '../utils/team-catalogue/publish';
import { sitesCovered } from '../utils/team-catalogue/sites';
import { type CatalogueProblem, type CatalogueSource, SourceError, verifyCatalogue } from '../utils/team-catalogue/verify';

/** Written next to the published files, for convenience only: advisors get the key from the coordinator, not from the host. */
export const PUBLIC_KEY_FILE = 'cle-publique.txt';
export const DEFAULT_SECRET_FILE = 'cle-secrete-catalogue.txt';

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Today, `AAAA-MM-JJ`. */
  today?: () => string;
}

/** A problem of a catalogue, in a trainer's words. */
export function problemInFrench(problem: CatalogueProblem): string {
  switch (problem.kind) {
    case 'missing':
      return `le fichier ${problem.file} est absent.`;
    case 'unreachable':
      return `le fichier ${problem.file} n’a pas pu être lu.`;
    case 'timeout':
      return `le fichier ${problem.file} a mis trop de temps à arriver.`;
    case 'html':
      return `à la place de ${problem.file}, le serveur a répondu une page web (HTML).`;
    case 'oversize':
      return `le fichier ${problem.file} est plus gros que prévu.`;
    case 'status':
      return `le serveur a refusé ${problem.file} (${problem.detail ?? 'erreur'}).`;
    case 'key':
      return 'la clé publique n’est pas lisible (elle commence par « cac-ed25519: »).';
    case 'signature':
      return 'la signature ne correspond pas : l’index a été modifié, ou il n’a pas été signé avec cette clé.';
    case 'index':
      return `l’index n’est pas valide (${problem.detail}).`;
    case 'rollback':
      return `la version ${problem.version} n’est pas plus récente que la version ${problem.installed} déjà installée.`;
    case 'hash':
      return `le fichier ${problem.file} ne correspond pas à son empreinte dans l’index : il a été modifié.`;
    case 'guide':
      return `le guide ${problem.file} n’est pas valide :\n${problem.detail}`;
    case 'guide-id':
      return `le guide ${problem.file} n’a pas l’identifiant ou la version annoncés dans l’index (« ${problem.id} »).`;
    case 'site':
      return `le guide ${problem.file} nomme le site « ${problem.site} », qui n’est pas parmi les sites déclarés du catalogue.`;
    case 'taken':
      return `l’identifiant « ${problem.id} » est déjà pris par un autre guide.`;
  }
}

/** A published folder as a source: the same limits as a download. */
export function folderSource(folder: string): CatalogueSource {
  return {
    async read(file, limit) {
      const path = join(folder, file);
      if (!existsSync(path)) throw new SourceError('missing', file);
      if (statSync(path).size > limit) throw new SourceError('oversize', file);
      return new Uint8Array(readFileSync(path));
    },
  };
}

const today = () => new Date().toISOString().slice(0, 10);

function readKeyText(value: string): string {
  return existsSync(value) ? readFileSync(value, 'utf8') : value;
}

function readPreviousIndex(out: string): CatalogueIndex | null {
  const path = join(out, INDEX_FILE);
  if (!existsSync(path)) return null;
  try {
    const parsed = catalogueIndexSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The unsigned draft that « Mes guides » exports with the guides (`catalogue.json`), if there is one. */
function readDraft(guidesDir: string): { ok: true; draft: CatalogueDraft } | { ok: false; message: string } {
  const path = join(guidesDir, DRAFT_FILE);
  if (!existsSync(path)) return { ok: true, draft: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { ok: false, message: `Le fichier ${path} n’est pas un fichier JSON lisible : corrigez-le ou retirez-le du dossier.` };
  }
  const parsed = catalogueDraftSchema.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(tout le fichier)'} : ${issue.message}`);
    return { ok: false, message: `Le fichier ${path} n’est pas valide (${fields.join(' ; ')}) : corrigez-le ou retirez-le du dossier.` };
  }
  return { ok: true, draft: parsed.data };
}

async function keygen(values: { secret?: string }, io: CommandIo): Promise<number> {
  const secretFile = resolve(values.secret ?? DEFAULT_SECRET_FILE);
  if (existsSync(secretFile)) {
    io.err(
      `Le fichier ${relative(process.cwd(), secretFile)} existe déjà : il n’est pas remplacé (choisissez un autre nom avec --secret).`,
    );
    return 1;
  }
  const pair = await generateKeyPair();
  writeFileSync(secretFile, `${pair.secretKey}\n`, { mode: 0o600 });
  chmodSync(secretFile, 0o600);
  io.out(`Clé secrète écrite dans ${relative(process.cwd(), secretFile)} : gardez-la pour vous, ne la publiez jamais.`);
  io.out('Clé publique, à donner aux conseillers (par un autre chemin que le site du catalogue) :');
  io.out(pair.publicKey);
  return 0;
}

interface BuildValues {
  key?: string;
  name?: string;
  publisher?: string;
  sites?: string;
  version?: string;
}

async function build(guidesDir: string, out: string, values: BuildValues, io: CommandIo): Promise<number> {
  if (!values.key) {
    io.err('Indiquez la clé secrète : --key <fichier de la clé secrète> (créée par « keygen »).');
    return 1;
  }
  if (!existsSync(values.key)) {
    io.err(`La clé secrète ${values.key} est introuvable.`);
    return 1;
  }
  let guides: ReturnType<typeof readGuides>;
  try {
    // A team's guide may run a guide bundled with the store version (FranceConnect's…), not a practice one.
    guides = readGuides(guidesDir, loadCatalogue('production'));
  } catch (error) {
    if (error instanceof CatalogueError) {
      io.err(error.message);
      return 1;
    }
    io.err(`Le dossier ${guidesDir} n’a pas pu être lu.`);
    return 1;
  }
  const read = readDraft(guidesDir);
  if (!read.ok) {
    io.err(read.message);
    return 1;
  }
  // The options first, then what the trainer typed at export, then the last published index.
  const { draft } = read;
  const previous = readPreviousIndex(out);
  const name = values.name ?? draft.name ?? previous?.name;
  const publisher = values.publisher ?? draft.publisher ?? previous?.publisher;
  if (!name || !publisher) {
    io.err('Indiquez le nom de l’équipe et qui publie : --name "…" --publisher "…".');
    return 1;
  }
  const sites = values.sites
    ? values.sites.split(',').map((site) => site.trim())
    : (draft.sites ?? previous?.sites ?? [...new Set(guides.flatMap((guide) => guide.sites))].sort());
  const version = values.version ? Number(values.version) : (previous?.version ?? 0) + 1;
  if (previous && version <= previous.version) {
    io.err(`La version ${version} doit être plus grande que la version publiée (${previous.version}).`);
    return 1;
  }
  for (const guide of guides) {
    const outside = sitesCovered(sites, guide.sites);
    if (outside !== null) {
      io.err(`Le guide « ${guide.id} » nomme le site « ${outside} », qui n’est pas parmi les sites du catalogue (${sites.join(', ')}).`);
      return 1;
    }
  }

  const files = guides.map((guide) => ({
    id: guide.id,
    version: guide.version,
    // The file as the trainer wrote it, byte for byte: the hash is of what advisors download.
    bytes: new Uint8Array(readFileSync(guideFileOf(guidesDir, guide.id))),
  }));
  let published: Awaited<ReturnType<typeof publishCatalogue>>;
  try {
    published = await publishCatalogue(files, {
      name,
      publisher,
      version,
      publishedAt: (io.today ?? today)(),
      sites,
      secretKey: readFileSync(values.key, 'utf8'),
    });
  } catch (error) {
    io.err(
      error instanceof ZodError
        ? `L’index ne serait pas valide : ${error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join(' ; ')}`
        : `Le fichier ${values.key} n’est pas une clé secrète de catalogue.`,
    );
    return 1;
  }
  for (const [file, bytes] of published.files) {
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file), bytes);
  }
  writeFileSync(join(out, PUBLIC_KEY_FILE), `${published.publicKey}\n`);
  io.out(`Catalogue « ${name} » version ${version} écrit dans ${out} : ${guides.length} guide(s), signé.`);
  io.out(`Clé publique : ${published.publicKey}`);
  io.out('Publiez tout le dossier tel quel (par exemple sur le site de l’équipe).');
  return 0;
}

/** The file of a guide in the guides folder, found by its id. */
function guideFileOf(dir: string, id: string): string {
  // readGuides read the same folder just before, with the same filter.
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !NOT_GUIDES.has(name))
    .sort();
  for (const name of names) {
    const path = join(dir, name);
    try {
      const raw = JSON.parse(readFileSync(path, 'utf8')) as { id?: unknown };
      if (raw.id === id) return path;
    } catch {
      // not this one
    }
  }
  throw new Error(`no file for ${id}`);
}

async function verify(folder: string, values: { key?: string }, io: CommandIo): Promise<number> {
  const keyText = values.key
    ? readKeyText(values.key)
    : existsSync(join(folder, PUBLIC_KEY_FILE))
      ? readFileSync(join(folder, PUBLIC_KEY_FILE), 'utf8')
      : '';
  if (!values.key)
    io.out(`Aucune clé donnée (--key) : vérification avec ${PUBLIC_KEY_FILE} du dossier, qui ne prouve que la cohérence du dossier.`);
  if (!normalizePublicKey(keyText)) {
    io.err(`Catalogue ${folder} refusé : ${problemInFrench({ kind: 'key' })}`);
    return 1;
  }
  const result = await verifyCatalogue(folderSource(folder), keyText);
  if (!result.ok) {
    io.err(`Catalogue ${folder} refusé : ${problemInFrench(result.problem)}`);
    return 1;
  }
  if (result.unchanged) return 0; // not reached: nothing installed to compare with
  const { index, guides } = result.catalogue;
  io.out(
    `Catalogue « ${index.name} » (${index.publisher}), version ${index.version} du ${index.publishedAt} : signature, empreintes et ${guides.length} guide(s) valides.`,
  );
  return 0;
}

const USAGE = [
  'Utilisation :',
  '  npm run catalogue -- keygen [--secret <fichier>]',
  '  npm run catalogue -- build <dossier des guides> <dossier publié> --key <fichier secret> [--name "…"] [--publisher "…"] [--sites "motif,motif"] [--version N]',
  '  npm run catalogue -- verify <dossier publié> [--key <clé publique ou fichier>]',
].join('\n');

/** Runs the command; answers the exit code. */
export async function runCatalogueCommand(args: string[], io: CommandIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        key: { type: 'string' },
        secret: { type: 'string' },
        name: { type: 'string' },
        publisher: { type: 'string' },
        sites: { type: 'string' },
        version: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : 'option inconnue'}\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  const values = parsed.values as Record<string, string | undefined>;
  if (command === 'keygen' && rest.length === 0) return keygen(values, io);
  if (command === 'build' && rest.length === 2) return build(rest[0] as string, rest[1] as string, values, io);
  if (command === 'verify' && rest.length === 1) return verify(rest[0] as string, values, io);
  io.err(USAGE);
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const code = await runCatalogueCommand(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line) });
  process.exit(code);
}

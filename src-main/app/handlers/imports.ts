/**
 * Handlers of the `imports` channels (src-shared/ipc/imports.ts). The router has checked the
 * type's import permission (and `<type>.reassign` for a colleague as owner); the read and update
 * grants of the record type become the planner's viewers, so what a duplicate reveals follows the
 * caller's scope. Each record written gets its own audit entry (../import-audit.ts); the call's
 * own entry (the audit wrapper's) holds the type, the format, the counts and the batch id.
 */
import { isAbsolute } from 'node:path';
import { suggestMapping, type ColumnMapping, type ImportKind } from '../../../src-shared/import';
import type { importsContract } from '../../../src-shared/ipc/imports';
import type { Scope } from '../../../src-shared/permissions';
import { requireActiveUser } from '../../crm/record/changes';
import { RecordError } from '../../crm/record/errors';
import { commitImport, dryRunImport, type ImportWrite } from '../../import/commit';
import { commitDealImport, dryRunDealImport } from '../../import/deals/commit';
import { cellsOfRows, rowEditsOf } from '../../import/edits';
import { errorReportCsv, ProblemRows } from '../../import/error-report';
import { importBatchOf, undoImport } from '../../import/undo';
import { importError } from '../../import/errors';
import {
  customIds,
  customTargets,
  mappingForHeaders,
  mappingNamed,
  saveMapping,
} from '../../import/mappings';
import { openImportFile, type ImportTable } from '../../import/read';
import type { ImportUploads } from '../../import/uploads';
import { mappingFits } from '../../../src-shared/import';
import { requireSession, type Handlers, type HandlerContext } from '../../ipc';
import { auditImportWrite } from '../import-audit';
import { dealMappingOf, dealPreview, dealViewerOf, fileOf } from './imports-deals';
import { reachOf, requireVault, target, viewerWith, type RecordHandlerDeps } from './kit';

/** What the import handlers need: the vault, a clock, this computer's device id, the uploads. */
export interface ImportsHandlerDeps extends RecordHandlerDeps {
  deviceId: () => string | null;
  /** The wizard's staged files (src-main/import/uploads.ts); absent: uploads are refused. */
  uploads?: ImportUploads;
}

/** The audit entity type of an import batch. */
export const IMPORT_BATCH_ENTITY = 'import_batch';

const PREVIEW_ROWS = 10;

/** Rows per transaction of a wizard import: the progress bar and cancel act between batches. */
const WIZARD_BATCH_ROWS = 100;

type ImportGrants =
  | 'contacts.read'
  | 'contacts.update'
  | 'contacts.reassign'
  | 'companies.read'
  | 'companies.update'
  | 'companies.reassign'
  | 'deals.read'
  | 'deals.reassign';

interface FileInput {
  path?: string | undefined;
  upload?: string | undefined;
  delimiter?: ',' | ';' | '\t' | undefined;
}

/** The `imports` feature's handlers for the router. */
export function importsHandlers(
  deps: ImportsHandlerDeps,
): Handlers<{ imports: typeof importsContract }>['imports'] {
  const now = deps.now ?? (() => new Date());
  const vault = () => requireVault(deps);
  const uploads = (): ImportUploads => {
    if (!deps.uploads) throw new RecordError('forbidden', 'This app cannot take uploaded files.');
    return deps.uploads;
  };

  /**
   * The file a call names. A path only from the command line: a window (Electron or the test
   * host) names uploads, so a compromised renderer cannot make main read a file of its choosing.
   */
  async function open(ctx: HandlerContext<never>, input: FileInput): Promise<ImportTable> {
    const options = input.delimiter ? { delimiter: input.delimiter } : {};
    if (input.upload !== undefined) {
      const path = uploads().pathOf(input.upload, requireSession(ctx).userId);
      return openImportFile(path, options);
    }
    if (ctx.caller.host !== 'cli')
      throw new RecordError('forbidden', 'Files are named by path only on the command line.');
    const path = input.path ?? '';
    if (!isAbsolute(path)) throw importError('file_unreadable', 'Give the file’s full path.');
    return openImportFile(path, options);
  }

  /** The mapping a run uses: given, named, saved for these headers, or suggested. */
  async function mappingOf(
    type: 'contacts' | 'companies',
    table: ImportTable,
    given: { columns: (string | null)[]; nameOrder: ColumnMapping['nameOrder'] } | undefined,
    name: string | undefined,
  ): Promise<ColumnMapping> {
    const db = vault().db;
    if (given !== undefined) {
      // The channel takes every type's fields; mappingFits below refuses another type's.
      const columns = given.columns as ColumnMapping['columns'];
      const mapping: ColumnMapping = { type, columns, nameOrder: given.nameOrder };
      if (!mappingFits(mapping, table.headers, await customIds(db, type)))
        throw importError('mapping_invalid', 'The mapping does not fit the file’s columns.');
      return mapping;
    }
    if (name !== undefined) return mappingNamed(db, type, name, table.headers);
    return (
      (await mappingForHeaders(db, type, table.headers))?.mapping ??
      suggestMapping(type, table.headers, await customTargets(db, type))
    );
  }

  /** A colleague as owner: active, and within the caller's reassign scope (team: same team). */
  async function ownerOf(
    ctx: HandlerContext<ImportGrants>,
    type: ImportKind,
    ownerId: string | undefined,
  ): Promise<string | undefined> {
    const session = requireSession(ctx);
    if (ownerId === undefined || ownerId === session.userId) return undefined;
    const scope: Scope | undefined = ctx.grants[`${type}.reassign`];
    const db = vault().db;
    await requireActiveUser(db, ownerId, 'The new owner must be an active user.');
    if (scope !== 'all') {
      const user = await db
        .selectFrom('users')
        .select('team_id')
        .where('id', '=', ownerId)
        .executeTakeFirst();
      if (session.teamId === null || user?.team_id !== session.teamId)
        throw new RecordError('forbidden', 'You can give records only to colleagues in your team.');
    }
    return ownerId;
  }

  return {
    startUpload: async (ctx, input) => {
      const session = requireSession(ctx);
      vault();
      return uploads().start(session.userId, input.file.size);
    },
    progress: async (ctx, input) => uploads().progress(input.upload, requireSession(ctx).userId),
    cancel: async (ctx, input) => ({
      cancelled: uploads().cancel(input.upload, requireSession(ctx).userId),
    }),
    preview: async (ctx, input) => {
      const table = await open(ctx, input);
      const rows: string[][] = [];
      for await (const row of table.rows()) {
        rows.push(row);
        if (rows.length >= PREVIEW_ROWS) break;
      }
      const { type } = input;
      if (type === 'deals')
        return {
          ...fileOf(table),
          headers: table.headers,
          profile: table.profile,
          ...(await dealPreview(vault().db, table.headers)),
          rows,
        };
      const saved = await mappingForHeaders(vault().db, type, table.headers);
      const custom = await customTargets(vault().db, type);
      const mapping = saved?.mapping ?? suggestMapping(type, table.headers, custom);
      return {
        ...fileOf(table),
        headers: table.headers,
        profile: table.profile,
        mapping: { columns: mapping.columns, nameOrder: mapping.nameOrder },
        mappingName: saved?.name ?? null,
        customFields: custom,
        rows,
      };
    },
    run: async (ctx, input) => {
      const session = requireSession(ctx);
      const { type } = input;
      ctx.audit.details = { type, dryRun: input.dryRun };
      const ownerId = await ownerOf(ctx, type, input.ownerId);
      const table = await open(ctx, input);
      const opened = vault();
      // Read after the pass: the encoding of a file that starts in ASCII is known only later.
      const file = () => fileOf(table);
      const problems = new ProblemRows();
      const edits = rowEditsOf(input.edits, table.headers.length);
      const report = async () =>
        input.errorReport === undefined
          ? {}
          : { errorReport: await errorReportCsv(table, problems, input.errorReport, edits) };
      const fixableCells = async () => {
        const rows = new Set<number>();
        for (const [row, list] of problems.byRow)
          if (list.some(problem => problem.kind === 'error')) rows.add(row);
        const cells = await cellsOfRows(table, rows, edits);
        return Object.fromEntries(Object.entries(cells).map(([row, c]) => [row, [...c]]));
      };
      const who = { userId: session.userId, login: session.login, deviceId: deps.deviceId() };
      const upload = input.upload;
      /** The commit's hooks, the same for every record type. */
      const hooks = () => {
        const signal = upload === undefined ? undefined : uploads().begin(upload, session.userId);
        return {
          actorId: session.userId,
          ...(ownerId === undefined ? {} : { ownerId }),
          ...(signal === undefined ? {} : { signal, batchSize: WIZARD_BATCH_ROWS }),
          onProgress: (progress: { counts: { rows: number } }) => {
            if (upload !== undefined) uploads().advance(upload, progress.counts.rows);
          },
          now,
          onStart: (batchId: string) => {
            ctx.audit.entityType = IMPORT_BATCH_ENTITY;
            ctx.audit.entityId = batchId;
          },
          onWrite: (write: ImportWrite, batchId: string) =>
            auditImportWrite(opened, who, write, batchId),
          onProblem: problems.listen,
          ...(edits === undefined ? {} : { edits }),
        };
      };
      const ended = () => (upload === undefined ? undefined : uploads().end(upload, false));
      /** The commit's answer; a committed upload is deleted once the error report has read it. */
      const committed = async <R extends { counts: unknown; status: string }>(result: R) => {
        ctx.audit.details = {
          ...ctx.audit.details,
          format: table.format,
          counts: result.counts,
          status: result.status,
          ...(ownerId === undefined ? {} : { ownerId }),
        };
        const answer = { ...file(), ...result, ...(await report()) };
        if (upload !== undefined) await uploads().end(upload, true);
        return answer;
      };
      /** A dry run's answer: nothing written; the refused rows' cells when asked. */
      const dryAnswer = async <R extends { counts: unknown }>(result: R) => {
        ctx.audit.details = { ...ctx.audit.details, format: table.format, counts: result.counts };
        const fixable = input.fixable === true ? { rowCells: await fixableCells() } : {};
        return {
          batchId: null,
          status: 'dry_run' as const,
          ...file(),
          ...result,
          ...(await report()),
          ...fixable,
        };
      };
      if (type === 'deals') {
        const viewer = dealViewerOf(ctx);
        const mapping = await dealMappingOf(opened.db, table, input, session.userId, now());
        const duplicates = input.duplicates === undefined ? {} : { duplicates: input.duplicates };
        if (input.dryRun) {
          const result = await dryRunDealImport(opened, table, mapping, viewer, {
            actorId: session.userId,
            ...(ownerId === undefined ? {} : { ownerId }),
            ...duplicates,
            onProblem: problems.listen,
            ...(edits === undefined ? {} : { edits }),
          });
          return dryAnswer(result);
        }
        return committed(
          await commitDealImport(opened, table, mapping, viewer, {
            ...hooks(),
            ...duplicates,
          }).finally(ended),
        );
      }
      const viewer = {
        read: viewerWith(ctx, ctx.grants[`${type}.read`]),
        update: reachOf(ctx, ctx.grants[`${type}.update`]),
      };
      const mapping = await mappingOf(type, table, input.mapping, input.mappingName);
      if (input.saveMappingAs !== undefined)
        await saveMapping(opened.db, {
          name: input.saveMappingAs,
          headers: table.headers,
          mapping,
          userId: session.userId,
          now: now(),
        });
      if (input.dryRun) {
        const result = await dryRunImport(
          opened.db,
          table,
          mapping,
          viewer,
          undefined,
          problems.listen,
          edits,
        );
        return dryAnswer(result);
      }
      return committed(await commitImport(opened, table, mapping, viewer, hooks()).finally(ended));
    },
    undo: async (ctx, input) => {
      const session = requireSession(ctx);
      target(ctx, IMPORT_BATCH_ENTITY, input.batchId);
      const opened = vault();
      const batch = await importBatchOf(opened.db, input.batchId);
      // Someone else's import (or one of the other record type, whose permission was not
      // checked) is not the caller's to see: the same answer as a missing one.
      if (batch.createdBy !== session.userId || batch.type !== input.type) {
        throw new RecordError('not_found', 'No such import.');
      }
      const who = { userId: session.userId, login: session.login, deviceId: deps.deviceId() };
      const result = await undoImport(opened.db, input.batchId, session, {
        now,
        onWrite: write => auditImportWrite(opened, who, write, input.batchId, true),
      });
      ctx.audit.details = {
        type: result.type,
        deleted: result.deleted,
        restored: result.restored,
        kept: result.kept.length,
      };
      return result;
    },
  };
}

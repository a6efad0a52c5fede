/**
 * Names for the records a page of the audit log refers to, asked of main (`audit.names`), which
 * answers only for records the reader may read in their own scope; the rest stay ids.
 */
import { useEffect, useRef, useState } from 'react';
import type { ZamokApi } from '../../../src-shared/ipc';
import {
  AUDIT_NAMES_MAX,
  type AuditEntryView,
  type AuditRecordName,
} from '../../../src-shared/ipc/audit';

/** Record types main can name. */
const NAMED_TYPES: ReadonlySet<string> = new Set(['contact', 'company', 'deal', 'pipeline']);

/** `contact:<id>`: the key of a record in the names map. */
export function recordKey(entityType: string, entityId: string): string {
  return `${entityType}:${entityId}`;
}

type Ref = { entityType: string; entityId: string };

/** The records `entries` name: their entity, and pipelines a deal change moved between. */
export function auditRefs(entries: readonly AuditEntryView[]): Ref[] {
  const refs = new Map<string, Ref>();
  const add = (entityType: string, entityId: unknown) => {
    if (typeof entityId === 'string' && entityId !== '') {
      refs.set(recordKey(entityType, entityId), { entityType, entityId });
    }
  };
  for (const entry of entries) {
    if (entry.entityType && NAMED_TYPES.has(entry.entityType)) {
      add(entry.entityType, entry.entityId);
    }
    const pipeline = entry.changes?.['pipelineId'];
    if (pipeline) {
      add('pipeline', pipeline.before);
      add('pipeline', pipeline.after);
    }
  }
  return [...refs.values()];
}

/**
 * The names main gave for the records of `entries` (asked once per record, in pages of at most
 * {@link AUDIT_NAMES_MAX}); a failed call leaves ids on screen.
 */
export function useRecordNames(
  api: ZamokApi,
  entries: readonly AuditEntryView[],
): ReadonlyMap<string, AuditRecordName> {
  const [names, setNames] = useState<ReadonlyMap<string, AuditRecordName>>(new Map());
  const asked = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    // A newer page does not cancel the names of an older one still on its way: both stay shown.
    const refs = auditRefs(entries).filter(
      r => !asked.current.has(recordKey(r.entityType, r.entityId)),
    );
    if (refs.length === 0) return;
    for (const r of refs) asked.current.add(recordKey(r.entityType, r.entityId));
    void (async () => {
      for (let i = 0; i < refs.length; i += AUDIT_NAMES_MAX) {
        const result = await api.audit.names({ refs: refs.slice(i, i + AUDIT_NAMES_MAX) });
        if (!mounted.current || !result.ok) return;
        setNames(previous => {
          const next = new Map(previous);
          for (const n of result.value.names) next.set(recordKey(n.entityType, n.entityId), n);
          return next;
        });
      }
    })();
  }, [api, entries]);
  return names;
}

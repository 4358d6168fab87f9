import * as React from 'react';
import { useApiErrorText } from '../hooks/useApiErrorText';

interface Snapshot {
  data: unknown;
  error: unknown;
  isLoading: boolean;
}

interface Entry {
  snapshot: Snapshot;
  listeners: Set<() => void>;
  generation: number;
  load: () => Promise<unknown>;
}

const IDLE: Snapshot = { data: undefined, error: null, isLoading: false };

/**
 * Every Content Manager action is its own component, and several need the same document from
 * the plugin's API: they share one request per key instead of each sending its own. An entry
 * lives while someone subscribes to it, so reopening an edit view loads fresh data.
 */
const entries = new Map<string, Entry>();

const publish = (entry: Entry, snapshot: Snapshot) => {
  entry.snapshot = snapshot;
  entry.listeners.forEach((listener) => listener());
};

const start = (entry: Entry) => {
  const generation = ++entry.generation;
  publish(entry, { ...entry.snapshot, isLoading: true });
  entry.load().then(
    (data) => {
      if (entry.generation === generation) publish(entry, { data, error: null, isLoading: false });
    },
    (error: unknown) => {
      if (entry.generation === generation) publish(entry, { data: undefined, error, isLoading: false });
    },
  );
};

export interface SharedResource<T> {
  data: T | undefined;
  /** The API's refusal in the admin's language (utils/apiError). */
  error: string | null;
  isLoading: boolean;
  refetch: () => void;
}

/** `key` null: nothing to load (the action does not apply to this document). */
export const useSharedResource = <T>(key: string | null, load: () => Promise<T>): SharedResource<T> => {
  const errorText = useApiErrorText();
  const loadRef = React.useRef(load);
  loadRef.current = load;

  const subscribe = React.useCallback(
    (listener: () => void) => {
      if (key === null) return () => undefined;
      let entry = entries.get(key);
      if (!entry) {
        entry = { snapshot: IDLE, listeners: new Set(), generation: 0, load: () => loadRef.current() };
        entries.set(key, entry);
      }
      entry.listeners.add(listener);
      if (entry.generation === 0) start(entry);
      const subscribed = entry;
      return () => {
        subscribed.listeners.delete(listener);
        if (subscribed.listeners.size === 0 && entries.get(key) === subscribed) entries.delete(key);
      };
    },
    [key],
  );
  const getSnapshot = React.useCallback(() => (key === null ? IDLE : entries.get(key)?.snapshot ?? IDLE), [key]);
  const snapshot = React.useSyncExternalStore(subscribe, getSnapshot);

  const refetch = React.useCallback(() => {
    const entry = key === null ? undefined : entries.get(key);
    if (entry) start(entry);
  }, [key]);

  const { error } = snapshot;
  return {
    data: snapshot.data as T | undefined,
    error: error === null ? null : errorText(error),
    isLoading: snapshot.isLoading,
    refetch,
  };
};

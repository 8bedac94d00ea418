import type { Core } from '@strapi/strapi';

/**
 * Whether anything would receive an event of Strapi's event hub. The hub has no way to ask, so at
 * register (before the webhook runner, Strapi's enterprise audit logs or any plugin listens) its
 * `on`/`off` and `subscribe`/`unsubscribe` are counted. The mark fast path
 * (src/api/mark/services/fast-mark.ts) uses it to skip reading a new mark back with all its
 * relations for an `entry.create` nobody receives: the webhook runner listens to an event only
 * while a webhook asks for it.
 */

type Listener = (...args: unknown[]) => unknown;
type Subscriber = (eventName: string, ...args: unknown[]) => unknown;
interface EventHub {
  on: (eventName: string, listener: Listener) => () => void;
  off: (eventName: string, listener: Listener) => void;
  subscribe: (subscriber: Subscriber) => () => void;
  unsubscribe: (subscriber: Subscriber) => void;
}

const COUNTS = Symbol('school-records.listened-events');
type Counted = EventHub & { [COUNTS]?: { listeners: Map<string, Set<Listener>>; subscribers: Set<Subscriber> } };

/** Starts counting the hub's listeners; call once, in `register`. */
export const countEventListeners = (strapi: Core.Strapi): void => {
  const hub = strapi.eventHub as unknown as Counted;
  if (hub[COUNTS]) return;
  const counts = { listeners: new Map<string, Set<Listener>>(), subscribers: new Set<Subscriber>() };
  hub[COUNTS] = counts;
  const { on, off, subscribe, unsubscribe } = hub;
  hub.on = (eventName, listener) => {
    const listeners = counts.listeners.get(eventName) ?? new Set<Listener>();
    listeners.add(listener);
    counts.listeners.set(eventName, listeners);
    on.call(hub, eventName, listener);
    return () => hub.off(eventName, listener);
  };
  hub.off = (eventName, listener) => {
    counts.listeners.get(eventName)?.delete(listener);
    off.call(hub, eventName, listener);
  };
  hub.subscribe = (subscriber) => {
    counts.subscribers.add(subscriber);
    subscribe.call(hub, subscriber);
    return () => hub.unsubscribe(subscriber);
  };
  hub.unsubscribe = (subscriber) => {
    counts.subscribers.delete(subscriber);
    unsubscribe.call(hub, subscriber);
  };
};

/** Whether an event of this name reaches anyone; true when the hub's listeners were never counted. */
export const isEventListened = (strapi: Core.Strapi, eventName: string): boolean => {
  const counts = (strapi.eventHub as unknown as Counted)[COUNTS];
  // Enterprise audit logs may subscribe before the app registers.
  if (!counts || strapi.EE) return true;
  return counts.subscribers.size > 0 || (counts.listeners.get(eventName)?.size ?? 0) > 0;
};

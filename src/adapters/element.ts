/**
 * `ultimatum/element`: `<ultimatum-countdown>`, a live countdown for any page, no framework.
 * Importing this module defines the element (in a browser); `defineCountdownElement` defines it
 * under another name. Its light-DOM text is the fallback shown until (and unless) it runs.
 */
import { fail } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import { type FormatCountdownOptions, formatCountdown } from '../present/formatCountdown.js';
import { msUntilTextChanges } from '../present/textChange.js';
import type { Countdown } from '../status/countdown.js';
import { type CountdownMilestone, type CountdownSource, deadlineSource, documentSource } from './countdownSource.js';
import { createSharedTimer, type SharedTimer, type Waker } from './sharedTimer.js';

export type { CountdownMilestone } from './countdownSource.js';

/**
 * The `detail` of an `ultimatum-phase` event: the phase now and the one before.
 *
 * @example
 * el.addEventListener('ultimatum-phase', (e) => console.log((e as CustomEvent<PhaseEventDetail>).detail.phase)); //=> 'expired'
 */
export interface PhaseEventDetail {
  readonly phase: string;
  readonly previous: string;
}

/**
 * The `detail` of an `ultimatum-milestone` event: the milestone, and whether it is reported late
 * (more than a second after it fell: the tab was in the background, the machine asleep).
 *
 * @example
 * el.addEventListener('ultimatum-milestone', (e) => console.log((e as CustomEvent<MilestoneEventDetail>).detail.milestone.label)); //=> '1 day left'
 */
export interface MilestoneEventDetail {
  readonly milestone: CountdownMilestone;
  readonly late: boolean;
}

const STYLES = ['long', 'short', 'narrow', 'digital'] as const;
const OBSERVED = ['deadline', 'src', 'ultimatum-id', 'locale', 'lang', 'format', 'max-units', 'overdue-text'] as const;
const LATE_MS = 1_000;
/** How long an announcement stays in the live region: long enough to be read, then it is not read again. */
const ANNOUNCED_MS = 5_000;
const HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';

let shared: SharedTimer | undefined;

/** The page's one timer, made on first use; woken again whenever the page may have slept. */
function timer(): SharedTimer {
  shared ??= createSharedTimer({
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    onVisible(fn) {
      const visible = () => {
        if (document.visibilityState === 'visible') fn();
      };
      document.addEventListener('visibilitychange', visible);
      window.addEventListener('pageshow', fn);
      window.addEventListener('focus', fn);
      return () => {
        document.removeEventListener('visibilitychange', visible);
        window.removeEventListener('pageshow', fn);
        window.removeEventListener('focus', fn);
      };
    },
  });
  return shared;
}

/** The nearest `lang`, also across shadow roots; a tag `Intl` refuses is ignored, as browsers ignore it. */
function inheritedLocale(el: Element): string | undefined {
  let node: Node | null = el;
  while (node !== null) {
    const owner: Element | null = node instanceof Element ? node.closest('[lang]') : null;
    if (owner !== null) {
      const lang = owner.getAttribute('lang') ?? '';
      try {
        return lang === '' ? undefined : (Intl.getCanonicalLocales(lang)[0] ?? undefined);
      } catch {
        return undefined;
      }
    }
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

/** The options the attributes give, each refused by its attribute's name. */
function formatOptions(el: HTMLElement): FormatCountdownOptions {
  const locale = el.getAttribute('locale') ?? inheritedLocale(el);
  const style = el.getAttribute('format') ?? 'long';
  if (!(STYLES as readonly string[]).includes(style)) fail('INVALID_INPUT', ['format'], messages.oneOf(STYLES));
  const units = el.getAttribute('max-units');
  const maxUnits = units === null ? undefined : Number(units);
  if (maxUnits !== undefined && !(Number.isInteger(maxUnits) && maxUnits > 0)) fail('INVALID_INPUT', ['max-units'], messages.expectedType('a whole number >= 1'));
  const options: FormatCountdownOptions = {
    ...(locale === undefined || locale === '' ? {} : { locale }),
    style: style as FormatCountdownOptions['style'],
    ...(maxUnits === undefined ? {} : { maxUnits }),
  };
  // A `locale` Intl refuses is refused now, at `['locale']`, not at the first tick.
  formatCountdown({ totalMs: 0, past: false, days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 }, options);
  return options;
}

function defineClass() {
  return class UltimatumCountdown extends HTMLElement implements Waker {
    static observedAttributes = OBSERVED;
    #text: HTMLElement | undefined;
    #slot: HTMLSlotElement | undefined;
    #live: HTMLElement | undefined;
    #states: Set<string> | undefined;
    #running = false;
    #source: CountdownSource | undefined;
    #loading: AbortController | undefined;
    #options: FormatCountdownOptions = {};
    #shown: string | undefined;
    #phase: string | undefined;
    #error: unknown;
    #fired = new Set<number>();
    #announcedMs = Number.NEGATIVE_INFINITY;

    /** The phase shown (`active`, `expired`, or an ultimatum's phase); `undefined` until it runs. */
    get phase(): string | undefined {
      return this.#phase;
    }

    /** Why the element shows its fallback text (an `UltimatumError` for a bad attribute or document); `undefined` when it does not. */
    get error(): unknown {
      return this.#error;
    }

    connectedCallback() {
      if (this.#text === undefined) {
        const root = this.attachShadow({ mode: 'open' });
        // The light DOM shows through the slot whenever there is no live text to show.
        root.innerHTML = `<span part="text"><slot></slot></span><span part="announcement" aria-live="polite" style="${HIDDEN}"></span>`;
        this.#text = root.firstElementChild as HTMLElement;
        this.#slot = this.#text.firstElementChild as HTMLSlotElement;
        this.#live = root.lastElementChild as HTMLElement;
        try {
          this.#states = this.attachInternals().states as unknown as Set<string>;
        } catch {
          // No custom states in this browser: the `phase` and `error` getters still say.
        }
      }
      if (!this.hasAttribute('role')) this.setAttribute('role', 'timer');
      // Moved in the page (removed and inserted in one go): it goes on as it was.
      if (!this.#running) this.#start();
    }

    disconnectedCallback() {
      queueMicrotask(() => {
        if (!this.isConnected) this.#stop();
      });
    }

    attributeChangedCallback(_name: string, before: string | null, after: string | null) {
      if (before === after || !this.#running) return;
      this.#stop();
      this.#start();
    }

    #setState(name: string, on: boolean) {
      try {
        if (on) this.#states?.add(name);
        else this.#states?.delete(name);
      } catch {
        // A browser whose states need the `--name` form: the getters still say.
      }
    }

    #stop() {
      this.#running = false;
      timer().delete(this);
      this.#loading?.abort();
      this.#loading = undefined;
      this.#source = undefined;
      if (this.#phase !== undefined) this.#setState(this.#phase, false);
      this.#phase = undefined;
      this.#showFallback();
    }

    #start() {
      this.#running = true;
      this.#error = undefined;
      this.#setState('error', false);
      this.#fired = new Set();
      const deadline = this.getAttribute('deadline');
      const src = this.getAttribute('src');
      try {
        this.#options = formatOptions(this);
        if (deadline !== null) return this.#use(deadlineSource(deadline));
      } catch (e) {
        return this.#fail(e);
      }
      if (src === null) return;
      const loading = new AbortController();
      this.#loading = loading;
      this.#setState('loading', true);
      const url = new URL(src, document.baseURI).href;
      documentSource(url, { now: Date.now(), id: this.getAttribute('ultimatum-id'), signal: loading.signal })
        .then(
          (source) => {
            if (this.#loading === loading) this.#use(source);
          },
          (e: unknown) => {
            if (this.#loading === loading && !loading.signal.aborted) this.#fail(e);
          },
        )
        .finally(() => {
          if (this.#loading === loading) this.#setState('loading', false);
        });
    }

    #use(source: CountdownSource) {
      this.#source = source;
      timer().add(this);
    }

    #showFallback() {
      if (this.#text !== undefined && this.#slot !== undefined && this.#shown !== undefined) {
        this.#text.replaceChildren(this.#slot);
        this.#shown = undefined;
      }
      if (this.#live !== undefined) this.#live.textContent = '';
    }

    #fail(error: unknown) {
      // The fallback text shows again; the page hears why, now or later (`el.error`, `:state(error)`).
      timer().delete(this);
      this.#source = undefined;
      this.#error = error;
      this.#setState('error', true);
      this.#showFallback();
      this.dispatchEvent(new CustomEvent('ultimatum-error', { detail: { error }, bubbles: true, composed: true }));
    }

    #emit<T>(type: string, detail: T) {
      this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
    }

    /** The words a screen reader hears at a milestone or a change of phase: the time in words, whatever the display. */
    #announcement(c: Countdown, overdue: string | null): string {
      if (c.past && overdue !== null) return overdue;
      return formatCountdown(c, { ...this.#options, style: 'long', maxUnits: Math.min(this.#options.maxUnits ?? 2, 2) });
    }

    /** One wake of the shared timer: redraw if the text changed, report milestones and phases, say when next. */
    wake(now: number): number {
      const source = this.#source;
      if (source === undefined) return Number.POSITIVE_INFINITY;
      try {
        return this.#draw(source, now);
      } catch (e) {
        this.#fail(e);
        return Number.POSITIVE_INFINITY;
      }
    }

    #draw(source: CountdownSource, now: number): number {
      const c = source.countdownAt(now);
      const overdue = this.getAttribute('overdue-text');
      const constant = c.past && overdue !== null;
      const text = constant ? overdue : formatCountdown(c, this.#options);
      if (text !== this.#shown && this.#text !== undefined) {
        this.#text.textContent = text;
        this.#shown = text;
      }
      let announce = false;
      let next = source.nextChangeAfter(now);
      const first = this.#phase === undefined;
      for (const milestone of source.milestones) {
        if (milestone.atMs > now) next = Math.min(next, milestone.atMs);
        // Those before the first draw are history; each later one is reported once, even if the clock goes back.
        else if (first) this.#fired.add(milestone.atMs);
        else if (!this.#fired.has(milestone.atMs)) {
          this.#fired.add(milestone.atMs);
          this.#emit<MilestoneEventDetail>('ultimatum-milestone', { milestone, late: now - milestone.atMs > LATE_MS });
          announce = true;
        }
      }
      const phase = source.phaseAt(now);
      const previous = this.#phase;
      if (phase !== previous) {
        if (previous !== undefined) this.#setState(previous, false);
        this.#setState(phase, true);
        this.#phase = phase;
        if (previous !== undefined) {
          this.#emit<PhaseEventDetail>('ultimatum-phase', { phase, previous });
          announce = true;
        }
      }
      this.#setState('past', c.past);
      if (this.#live !== undefined) {
        if (announce) {
          this.#live.textContent = this.#announcement(c, overdue);
          this.#announcedMs = now;
        } else if (now >= this.#announcedMs + ANNOUNCED_MS && this.#live.textContent !== '') this.#live.textContent = '';
        if (this.#live.textContent !== '') next = Math.min(next, this.#announcedMs + ANNOUNCED_MS);
      }
      return constant ? next : Math.min(next, now + msUntilTextChanges(c, this.#options));
    }
  };
}

/**
 * Defines `<ultimatum-countdown>` (or `name`), once; does nothing outside a browser (server
 * rendering imports this module too). Importing `ultimatum/element` calls it.
 *
 * Attributes: `deadline` (an ISO instant; a date alone is the end of that day in UTC) or `src`
 * (the URL of a stored ultimatum or tracker document: its deadline in force; in a tracker the one
 * named by `ultimatum-id`, else the next deadline to come), `locale` (else the nearest `lang`),
 * `format` (`long`, `short`, `narrow`, `digital`), `max-units`, `overdue-text`. Events:
 * `ultimatum-phase`, `ultimatum-milestone`, `ultimatum-error`; getters `phase` and `error`.
 *
 * @example
 * defineCountdownElement('deadline-clock');
 * document.body.innerHTML = '<deadline-clock deadline="2025-09-02T00:00-04:00">2 September</deadline-clock>';
 */
export function defineCountdownElement(name = 'ultimatum-countdown'): void {
  if (typeof customElements === 'undefined' || typeof HTMLElement === 'undefined') return;
  if (customElements.get(name) !== undefined) return;
  customElements.define(name, defineClass());
}

defineCountdownElement();

/**
 * `ultimatum/element`: `<ultimatum-countdown>`, a live countdown for any page, no framework.
 * Importing this module defines the element (in a browser); `defineCountdownElement` defines it
 * under another name. Its light-DOM text is the fallback shown until (and unless) it runs.
 */
import { isUltimatumError } from '../errors/UltimatumError.js';
import { type FormatCountdownOptions, formatCountdown } from '../present/formatCountdown.js';
import { msUntilTextChanges } from '../present/textChange.js';
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

const OBSERVED = ['deadline', 'src', 'ultimatum-id', 'locale', 'format', 'max-units', 'overdue-text'] as const;
const LATE_MS = 1_000;
const HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';

let shared: SharedTimer | undefined;

/** The page's one timer, made on first use. */
function timer(): SharedTimer {
  shared ??= createSharedTimer({
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    onVisible(fn) {
      const listener = () => {
        if (document.visibilityState === 'visible') fn();
      };
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  });
  return shared;
}

function formatOptions(el: HTMLElement): FormatCountdownOptions {
  const locale = el.getAttribute('locale') ?? el.closest('[lang]')?.getAttribute('lang') ?? undefined;
  const style = (el.getAttribute('format') ?? 'long') as FormatCountdownOptions['style'];
  const maxUnits = el.getAttribute('max-units');
  return {
    ...(locale === undefined || locale === '' ? {} : { locale }),
    style,
    ...(maxUnits === null ? {} : { maxUnits: Number(maxUnits) }),
  };
}

function defineClass() {
  return class UltimatumCountdown extends HTMLElement implements Waker {
    static observedAttributes = OBSERVED;
    #text: HTMLElement | undefined;
    #live: HTMLElement | undefined;
    #source: CountdownSource | undefined;
    #loading: AbortController | undefined;
    #options: FormatCountdownOptions = {};
    #shown: string | undefined;
    #phase: string | undefined;
    #lastMs = 0;

    connectedCallback() {
      if (this.#text === undefined) {
        const root = this.attachShadow({ mode: 'open' });
        // The light DOM shows through the slot until the first live text replaces it.
        root.innerHTML = `<span part="text"><slot></slot></span><span part="announcement" aria-live="polite" style="${HIDDEN}"></span>`;
        this.#text = root.firstElementChild as HTMLElement;
        this.#live = root.lastElementChild as HTMLElement;
      }
      if (!this.hasAttribute('role')) this.setAttribute('role', 'timer');
      this.#start();
    }

    disconnectedCallback() {
      this.#stop();
    }

    attributeChangedCallback() {
      if (!this.isConnected || this.#text === undefined) return;
      this.#stop();
      this.#start();
    }

    #stop() {
      timer().delete(this);
      this.#loading?.abort();
      this.#loading = undefined;
      this.#source = undefined;
      this.#phase = undefined;
    }

    #start() {
      this.#options = formatOptions(this);
      const deadline = this.getAttribute('deadline');
      const src = this.getAttribute('src');
      try {
        if (deadline !== null) return this.#use(deadlineSource(deadline));
      } catch (e) {
        return this.#fail(e);
      }
      if (src === null) return;
      const loading = new AbortController();
      this.#loading = loading;
      const url = new URL(src, document.baseURI).href;
      documentSource(url, { now: Date.now(), id: this.getAttribute('ultimatum-id'), signal: loading.signal }).then(
        (source) => {
          if (this.#loading === loading) this.#use(source);
        },
        (e: unknown) => {
          if (this.#loading === loading && !loading.signal.aborted) this.#fail(e);
        },
      );
    }

    #use(source: CountdownSource) {
      this.#source = source;
      this.#lastMs = Date.now();
      try {
        timer().add(this);
      } catch (e) {
        timer().delete(this);
        this.#fail(e);
      }
    }

    #fail(error: unknown) {
      // The fallback text stays; the page hears why.
      this.dispatchEvent(new CustomEvent('ultimatum-error', { detail: { error }, bubbles: true }));
      if (!isUltimatumError(error)) throw error;
    }

    /** One wake of the shared timer: redraw if the text changed, report phases and milestones, say when next. */
    wake(now: number): number {
      const source = this.#source;
      if (source === undefined) return Number.POSITIVE_INFINITY;
      const c = source.countdownAt(now);
      const overdue = this.getAttribute('overdue-text');
      const constant = c.past && overdue !== null;
      const text = constant ? overdue : formatCountdown(c, this.#options);
      if (text !== this.#shown && this.#text !== undefined) {
        this.#text.textContent = text;
        this.#shown = text;
      }
      const phase = source.phaseAt(now);
      const previous = this.#phase;
      this.#phase = phase;
      let announce = false;
      if (previous !== undefined && phase !== previous) {
        this.dispatchEvent(new CustomEvent<PhaseEventDetail>('ultimatum-phase', { detail: { phase, previous }, bubbles: true }));
        announce = true;
      }
      let next = source.nextChangeAfter(now);
      for (const milestone of source.milestones) {
        if (milestone.atMs > this.#lastMs && milestone.atMs <= now) {
          const detail = { milestone, late: now - milestone.atMs > LATE_MS };
          this.dispatchEvent(new CustomEvent<MilestoneEventDetail>('ultimatum-milestone', { detail, bubbles: true }));
          announce = true;
        } else if (milestone.atMs > now) next = Math.min(next, milestone.atMs);
      }
      this.#lastMs = now;
      if (announce && this.#live !== undefined) this.#live.textContent = text;
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
 * `ultimatum-phase`, `ultimatum-milestone`, `ultimatum-error`.
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

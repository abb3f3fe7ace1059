import { isAbort } from './api.ts';
import { h, uid } from './dom.ts';
import { problemBox } from './ui.ts';

/** One suggestion. */
export interface ComboOption<T> {
  label: string;
  detail?: string;
  /** Heading of the group the option is listed under (People, Companies, Technologies). */
  group: string;
  value: T;
}

/** How a combobox finds and uses suggestions. */
export interface ComboboxOptions<T> {
  /** Suggestions for the text typed; reject with an ApiProblem to show it in words. */
  suggest(text: string, signal: AbortSignal): Promise<ComboOption<T>[]>;
  /** The user chose a suggestion (Enter or click). */
  pick(option: ComboOption<T>): void;
  /** Milliseconds of quiet typing before asking. */
  debounceMs?: number;
}

/**
 * Search as you type on an existing labelled <input> (ARIA 1.2 combobox with a listbox popup, grouped):
 * debounced, older requests aborted, ↑/↓ to move, Enter to choose, Escape to close. Returns the wrapper
 * that holds the input and its popup.
 */
export function combobox<T>(input: HTMLInputElement, options: ComboboxOptions<T>): HTMLElement {
  const listId = uid('listbox');
  const list = h('div', { id: listId, role: 'listbox', class: 'listbox', hidden: true });
  const status = h('div', { class: 'combo-status', role: 'status', 'aria-live': 'polite' });
  list.setAttribute('aria-label', `Suggestions for ${input.labels?.[0]?.textContent ?? 'search'}`);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.autocomplete = 'off';
  input.spellcheck = false;

  let shown: { option: ComboOption<T>; el: HTMLElement }[] = [];
  let active = -1;
  let timer: number | undefined;
  let inFlight: AbortController | undefined;

  const setActive = (index: number) => {
    active = index;
    shown.forEach(({ el }, i) => el.setAttribute('aria-selected', String(i === index)));
    const current = shown[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.el.id);
      current.el.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const choose = (index: number) => {
    const chosen = shown[index];
    if (!chosen) return;
    close();
    status.textContent = '';
    options.pick(chosen.option);
  };
  const render = (found: ComboOption<T>[], text: string) => {
    list.replaceChildren();
    shown = [];
    active = -1;
    const groups = new Map<string, ComboOption<T>[]>();
    for (const o of found) groups.set(o.group, [...(groups.get(o.group) ?? []), o]);
    for (const [name, items] of groups) {
      const labelId = uid('group');
      const group = h(
        'div',
        { role: 'group', 'aria-labelledby': labelId },
        h('div', { id: labelId, class: 'group-label', role: 'presentation' }, name),
      );
      for (const option of items) {
        const index = shown.length;
        const el = h(
          'div',
          { id: uid('option'), role: 'option', class: 'option', 'aria-selected': 'false' },
          h('span', { class: 'option-label' }, option.label),
          option.detail ? h('span', { class: 'option-detail' }, option.detail) : null,
        );
        // mousedown, not click: the input keeps focus, and the choice lands before blur closes the list.
        el.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(index);
        });
        shown.push({ option, el });
        group.append(el);
      }
      list.append(group);
    }
    const open = shown.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    status.replaceChildren(
      open
        ? `${shown.length} suggestion${shown.length === 1 ? '' : 's'}; use the arrow keys and Enter.`
        : h('span', { 'data-testid': 'nothing-found' }, `Nothing found for “${text}”.`),
    );
  };
  const ask = async (text: string) => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const found = await options.suggest(text, controller.signal);
      if (!controller.signal.aborted) render(found, text);
    } catch (error) {
      if (isAbort(error) || controller.signal.aborted) return;
      close();
      status.replaceChildren(problemBox(error));
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      inFlight?.abort();
      close();
      status.textContent = '';
      return;
    }
    timer = window.setTimeout(() => void ask(text), options.debounceMs ?? 150);
  });
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden;
    if (event.key === 'ArrowDown' && shown.length) {
      event.preventDefault();
      if (!open) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      setActive(open ? (active + 1) % shown.length : 0);
    } else if (event.key === 'ArrowUp' && open && shown.length) {
      event.preventDefault();
      setActive(active <= 0 ? shown.length - 1 : active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => close());

  return h('div', { class: 'combo' }, input, list, status);
}

/**
 * The rich-text link pop-up takes `https://…`, `/…`, `mailto:` and `tel:`, and greys out its Save
 * with no word for anything else. Staff paste addresses as browsers show them,
 * `www.cannabisequityil.org/…`: such an address is written out as `https://www.…` as it is typed
 * or pasted, so Save takes it. The pop-up has no extension point; its address field is found by
 * the placeholder this app gives it (texts.ts), and fixed as the keystroke or paste arrives,
 * before React reads it.
 */
import { STAFF_TEXTS } from './texts';

const LINK_PLACEHOLDER = STAFF_TEXTS['components.Blocks.popover.link.placeholder'];

/** `www.example.org/x` → `https://www.example.org/x`; anything else as it is. */
export const withScheme = (address: string): string => {
  const trimmed = address.trim();
  return /^www\.[^\s/]+\.[^\s/]+/i.test(trimmed) ? `https://${trimmed}` : address;
};

export const fixLinkAddressesAsTyped = (): void => {
  const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  if (!valueSetter || !LINK_PLACEHOLDER) return;
  document.addEventListener(
    'input',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.placeholder !== LINK_PLACEHOLDER) return;
      const fixed = withScheme(input.value);
      if (fixed === input.value) return;
      // Before React's own listener reads it: the prototype's setter, past React's value tracker.
      valueSetter.call(input, fixed);
    },
    true,
  );
};

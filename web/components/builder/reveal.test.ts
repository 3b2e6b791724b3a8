// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { findPointed, pointerAttr, pointerMatch, reveal } from './reveal';

afterEach(() => { document.body.innerHTML = ''; vi.useRealTimers(); });

describe('problem links find the element a pointer names', () => {
  test('the longest pointer at or above the target wins; siblings and prefixes of names do not match', () => {
    expect(pointerMatch('/rules/1', '/rules/1/when/and/0')).toBe(8);
    expect(pointerMatch('/rules/1', '/rules/10')).toBe(-1);
    expect(pointerMatch('/rules/1', '/rules')).toBe(-1);
    expect(pointerMatch('/ui/fields/a /data/properties/a', '/data/properties/a/minimum')).toBe('/data/properties/a'.length);
    expect(pointerMatch('', '/x')).toBe(-1);
  });

  test('pointers with spaces and percent signs survive the attribute', () => {
    const attr = pointerAttr('/translations/en/key with spaces', '/translations/en/100%');
    expect(attr.split(' ')).toHaveLength(2);
    expect(pointerMatch(attr, '/translations/en/key with spaces')).toBe('/translations/en/key with spaces'.length);
    expect(pointerMatch(attr, '/translations/en/100%')).toBe('/translations/en/100%'.length);
    expect(pointerMatch(attr, '/translations/en/key')).toBe(-1);
  });

  test('findPointed picks the deepest element and reveal focuses its first control and highlights it', () => {
    vi.useFakeTimers();
    document.body.innerHTML = `
      <div data-pointer="/workflow"><select id="initial"></select>
        <fieldset data-pointer="/workflow/transitions/0"><input id="t0"></fieldset>
        <fieldset data-pointer="/workflow/transitions/1"><input id="t1-disabled" disabled><input id="t1"></fieldset>
      </div>
      <div data-pointer="/translations"><table><tr><th data-pointer="/translations/de">de</th></tr></table></div>`;
    const el = findPointed(document, '/workflow/transitions/1/actions/0/body')!;
    expect(el.dataset.pointer).toBe('/workflow/transitions/1');
    reveal(el);
    expect(document.activeElement?.id).toBe('t1');
    expect(el.classList.contains('builder-revealed')).toBe(true);
    vi.advanceTimersByTime(3000);
    expect(el.classList.contains('builder-revealed')).toBe(false);

    // An element without a control takes the focus itself.
    const th = findPointed(document, '/translations/de')!;
    reveal(th);
    expect(document.activeElement).toBe(th);
    expect(th.getAttribute('tabindex')).toBe('-1');
    expect(findPointed(document, '/fees/amount')).toBeNull();
  });
});

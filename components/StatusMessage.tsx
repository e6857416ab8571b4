import type { ComponentChildren } from 'preact';

export type Tone = 'info' | 'success' | 'warning' | 'error';

/**
 * A sentence the page says after an action. Errors interrupt (role=alert); everything else waits its
 * turn (role=status), so a screen reader hears "Saved" without losing its place.
 */
export function StatusMessage({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return (
    <div class={`status status--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

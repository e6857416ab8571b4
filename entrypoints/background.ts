import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground({
  type: 'module',
  main() {
    // Listeners are registered synchronously here so that a woken worker sees its event.
  },
});

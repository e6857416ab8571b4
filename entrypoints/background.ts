import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/lib/background-handlers';

export default defineBackground({
  type: 'module',
  main() {
    // Registers every listener synchronously, so that a worker woken by an event sees it.
    startBackground({ browser });
  },
});

import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installFakePermissions } from './helpers/fake-permissions';

beforeEach(() => {
  fakeBrowser.reset();
  installFakePermissions();
});

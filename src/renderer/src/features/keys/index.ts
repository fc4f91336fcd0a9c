export { KeyPicker, pinnedKey } from './KeyPicker';
export { resetKeysStoreForTests, useKeyName, useKeys, useKeysStore } from './keysStore';

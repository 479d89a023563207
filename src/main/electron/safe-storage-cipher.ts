/**
 * The app's cipher: Electron safeStorage (Keychain, DPAPI, libsecret/kwallet). The only
 * Electron import under settings/. On Linux without a keyring Electron falls back to a fixed
 * key ("basic_text"); we refuse that, so a password is never stored as good-as-plain text.
 */
import { safeStorage } from 'electron';
import type { SecretCipher } from '../core/settings-store/cipher.js';

const PREFIX = 'ss1:';

function usable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return false;
  return true;
}

export function createSafeStorageCipher(): SecretCipher {
  return {
    available: usable,
    encrypt(plain) {
      if (!usable()) {
        throw new Error('This system offers no secure storage (OS keychain) for secrets, so the secret was not saved.');
      }
      return PREFIX + safeStorage.encryptString(plain).toString('base64');
    },
    decrypt(stored) {
      if (!stored.startsWith(PREFIX)) throw new Error('This secret was not written by safeStorage.');
      return safeStorage.decryptString(Buffer.from(stored.slice(PREFIX.length), 'base64'));
    },
  };
}

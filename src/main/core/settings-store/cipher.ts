/**
 * Secrets (database passwords, the Discord bot token) are stored only as cipher text. The app
 * injects Electron's safeStorage (the OS keychain); the web harness and tests use a key file.
 */
export interface SecretCipher {
  /** Cipher text safe to write into the settings file. Throws when `available()` is false. */
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** False when this machine offers no way to encrypt: secrets cannot be saved. */
  available(): boolean;
}

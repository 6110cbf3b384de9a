/**
 * The TLS client key is a secret like a SASL password and lives in the same SecretStore, under an id
 * of its own beside the profile's password entry. Profile ids are UUIDs, so the suffix cannot
 * collide with another profile's id.
 */
export const tlsKeySecretId = (profileId: string): string => `${profileId}#tls-client-key`;

-- A webhook's signing secret can be rotated: the secret it replaces keeps signing (a second v1 in
-- Tollgate-Signature) until previous_secret_expires_at, so receivers can switch to the new secret without missing a
-- delivery. Encrypted like the current secret, under the same associated data (the webhook's id).
alter table webhooks
    add column previous_secret_ciphertext bytea,
    add column previous_secret_key_id     text,
    add column previous_secret_expires_at timestamptz,
    add constraint webhooks_previous_secret_whole check (
        (previous_secret_ciphertext is null) = (previous_secret_key_id is null)
        and (previous_secret_ciphertext is null) = (previous_secret_expires_at is null));

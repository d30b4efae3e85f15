package io.tollgate.model.crypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 master keys that encrypt provider credentials, written as
 * {@code "id:base64-of-32-bytes,id2:..."}. The first key is current (new ciphertexts use it); the
 * others only decrypt, so a key can be rotated without downtime. Error messages and
 * {@link #toString()} name key ids and positions but never key material.
 */
public final class MasterKeys {

    public static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    private static final String FORMAT = "expected 'id:base64-of-32-bytes' entries separated by commas, the first is current";

    private final Map<String, SecretKey> keys;
    private final String currentId;

    private MasterKeys(Map<String, SecretKey> keys) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.currentId = keys.keySet().iterator().next();
    }

    public static MasterKeys parse(String encoded) {
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("No master key is configured; " + FORMAT);
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String[] entries = encoded.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            String where = "master key entry " + (i + 1);
            if (colon < 0) {
                throw new IllegalArgumentException(where + " has no ':' between id and key; " + FORMAT);
            }
            String id = entry.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        where + " has an invalid id (1-32 letters, digits, '_', '.' or '-'); " + FORMAT);
            }
            where = where + " ('" + id + "')";
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + " is not valid base64; " + FORMAT);
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException(where + " decodes to " + key.length + " bytes, AES-256 needs "
                        + KEY_BYTES + " (e.g. `openssl rand -base64 32`)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException(where + " repeats an id used before; ids must be unique");
            }
        }
        return new MasterKeys(keys);
    }

    /** A single fresh random key, for development and standalone installations. */
    public static MasterKeys generate(String id) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return parse(id + ":" + Base64.getEncoder().encodeToString(key));
    }

    public String currentId() {
        return currentId;
    }

    /** Key ids, the current one first. */
    public List<String> ids() {
        return List.copyOf(keys.keySet());
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    Optional<SecretKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** The keys in the {@link #parse} format, current first: secret, never log it. */
    public String encoded() {
        return ids().stream()
                .map(id -> id + ":" + Base64.getEncoder().encodeToString(keys.get(id).getEncoded()))
                .collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return "MasterKeys[current=" + currentId + ", ids=" + ids() + ", keys=<redacted>]";
    }
}

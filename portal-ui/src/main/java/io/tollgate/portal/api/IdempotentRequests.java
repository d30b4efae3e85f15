package io.tollgate.portal.api;

import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.EncryptedSecret;
import io.tollgate.portal.common.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * First answers to creating POSTs, by token and Idempotency-Key, in {@code idempotent_requests}: encrypted under the
 * master key (an answer may hold a key shown once), kept for a day.
 */
@Component
class IdempotentRequests {

    static final Duration KEPT = Duration.ofHours(24);

    /** The first answer to a request, and the hash of that request. */
    record Answer(byte[] requestHash, int status, @Nullable String location, String body) {
    }

    private final JdbcClient jdbc;
    private final CredentialCipher cipher;

    IdempotentRequests(JdbcClient jdbc, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Holds the key until the transaction ends, so a concurrent retry waits for the first answer. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Answer> lockAndFind(UUID tokenId, String key, Instant now) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param(tokenId + "/" + key)
                .query((rs, n) -> 1).single();
        return jdbc.sql("""
                        select request_hash, status_code, location, body, body_key_id from idempotent_requests
                        where token_id = ? and idem_key = ? and expires_at > ?""")
                .params(tokenId, key, Sql.timestamp(now))
                .query((rs, n) -> new Answer(rs.getBytes("request_hash"), rs.getInt("status_code"),
                        rs.getString("location"), cipher.decrypt(new EncryptedSecret(rs.getBytes("body"),
                        rs.getString("body_key_id")), associatedData(tokenId, key))))
                .optional();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void save(UUID tokenId, String key, Answer answer, Instant now) {
        EncryptedSecret body = cipher.encrypt(answer.body(), associatedData(tokenId, key));
        // answers past their day go with every new one, whoever's they were (expires_at is indexed)
        jdbc.sql("delete from idempotent_requests where token_id = ? and idem_key = ? or expires_at <= ?")
                .params(tokenId, key, Sql.timestamp(now))
                .update();
        jdbc.sql("""
                        insert into idempotent_requests (token_id, idem_key, request_hash, status_code, location, body,
                                                         body_key_id, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tokenId, key, answer.requestHash(), answer.status(), answer.location(), body.ciphertext(),
                        body.keyId(), Sql.timestamp(now), Sql.timestamp(now.plus(KEPT)))
                .update();
    }

    private static String associatedData(UUID tokenId, String key) {
        return tokenId + "/" + key;
    }
}
